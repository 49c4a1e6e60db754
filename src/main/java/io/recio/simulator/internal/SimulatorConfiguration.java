package io.recio.simulator.internal;

import io.recio.RecioProperties;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.exchange.KalshiExchangeSimulator;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.simulator.feed.CoinbaseFeedServer;
import io.recio.simulator.prices.model.PriceModel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The simulated world, present when {@code recio.simulator.enabled=true} (demo mode, {@code ./recio simulator}):
 * the fault switches, the price model (bean type {@link PriceModel}, which is both
 * {@link io.recio.simulator.prices.SimulatedPrices} and {@link io.recio.simulator.prices.SimulatedHistory}),
 * the Coinbase feed server and the Kalshi exchange, run by ops as the managed services {@code simulator_coinbase}
 * and {@code simulator_kalshi}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "recio.simulator", name = "enabled", havingValue = "true")
class SimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    FaultSwitches simulatorFaultSwitches(SimulatorProperties properties) {
        FaultSwitches switches = new FaultSwitches();
        SimulatorProperties.Faults f = properties.faults();
        switches.latencyMillis(f.latencyMs());
        switches.errors(f.errorFraction(), f.errorStatus());
        switches.orderResponseTimeout(f.orderResponseTimeout());
        switches.tradingPaused(f.tradingPaused());
        switches.feedFrozen(f.feedFrozen());
        switches.indexStopped(f.indexStopped());
        return switches;
    }

    /** The seed of this run: the configured one, or a fresh one that is logged so the run can be repeated. */
    @Bean
    SimulatorSeed simulatorSeed(SimulatorProperties properties) {
        long seed = properties.seed() != null ? properties.seed() : new SecureRandom().nextLong();
        log.info("simulator seed {} (set recio.simulator.seed={} to repeat this run)", seed, seed);
        return new SimulatorSeed(seed);
    }

    @Bean
    PriceModel simulatedPrices(Clock clock, SimulatorProperties properties, SimulatorSeed seed) {
        SimulatorProperties.Replay replay = properties.replay();
        Path btc = replay.fileFor(Symbol.BTC);
        Path eth = replay.fileFor(Symbol.ETH);
        PriceModel model;
        try {
            model = new PriceModel(clock, seed.value(), start(properties.startPrice().btc(), "btc"),
                    start(properties.startPrice().eth(), "eth"), btc, eth);
        } catch (IllegalArgumentException e) {
            String key = btc != null && e.getMessage().contains(btc.toString()) ? replay.keyFor(Symbol.BTC)
                    : eth != null && e.getMessage().contains(eth.toString()) ? replay.keyFor(Symbol.ETH)
                    : "recio.simulator";
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
        log.info("simulated prices anchored at {}: BTC from {}, ETH from {}", model.anchor(),
                btc != null ? "replay " + btc : "the model", eth != null ? "replay " + eth : "the model");
        return model;
    }

    @Bean
    CoinbaseFeedServer coinbaseFeedServer(PriceModel prices, FaultSwitches faults, Clock clock,
                                          RecioProperties recio, SimulatorProperties properties, SimulatorSeed seed) {
        return new CoinbaseFeedServer(prices, faults, clock, new CoinbaseFeedServer.Settings(recio.bindAddress(),
                recio.ports().simulatorCoinbase(), properties.feed().subscribeTimeout(), seed.value()));
    }

    @Bean
    KalshiExchangeSimulator kalshiExchangeSimulator(PriceModel prices, FaultSwitches faults, Clock clock,
                                                    RecioProperties recio) {
        KalshiExchangeSimulator exchange = new KalshiExchangeSimulator(prices, faults, clock,
                KalshiSimulatorSettings.defaults());
        // the demo world outlives recio's process, as a real exchange does (issue 14)
        exchange.keepStateIn(recio.dataDir());
        return exchange;
    }

    @Bean
    SimulatorCoinbaseService simulatorCoinbaseService(CoinbaseFeedServer feed, SimulatorSeed seed) {
        return new SimulatorCoinbaseService(feed, seed.value());
    }

    @Bean
    SimulatorKalshiService simulatorKalshiService(KalshiExchangeSimulator exchange, RecioProperties recio,
                                                  SimulatorSeed seed) {
        return new SimulatorKalshiService(exchange, recio, seed.value());
    }

    private static SpotPrice start(BigDecimal dollars, String key) {
        try {
            return SpotPrice.parse(dollars.toPlainString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("recio.simulator.start-price." + key + ": " + e.getMessage(), e);
        }
    }

    /** The seed every simulated part of one run draws from. */
    record SimulatorSeed(long value) {
    }
}
