package io.recio.bench;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.exchange.internal.Exchange;
import io.recio.simulator.exchange.internal.SimAccount;
import io.recio.simulator.exchange.internal.SimOrder;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.simulator.prices.SimulatedPrices;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The simulated exchange's hot paths: one user order through validation, collateral and matching
 * (placed and cancelled), and one exchange second (every active market re-quoted by the makers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KalshiSimulatorBenchmark {

    /** A clock the benchmark moves by whole seconds. */
    static final class SteppingClock extends Clock {
        Instant now = Instant.parse("2026-09-25T19:30:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** An index that wanders a few dollars a second, so every re-quote moves some markets. */
    static final class WanderingPrices implements SimulatedPrices {
        @Override
        public SpotPrice indexAt(Symbol symbol, Instant at) {
            double base = symbol == Symbol.BTC ? 90_000 : 3_000;
            return SpotPrice.ofDollars(base * (1 + 0.002 * Math.sin(at.getEpochSecond() / 30.0)));
        }

        @Override
        public Optional<SpotPrice> settlementAverage(Symbol symbol, Instant close) {
            return Optional.of(indexAt(symbol, close));
        }

        @Override
        public SpotPrice trailingAverage(Symbol symbol, Instant at) {
            return indexAt(symbol, at);
        }

        @Override
        public double annualisedVolatility(Symbol symbol) {
            return 0.5;
        }
    }

    private SteppingClock clock;
    private Exchange exchange;
    private SimAccount account;
    private String ticker;
    private long published;

    @Setup(Level.Iteration)
    public void setUp() {
        clock = new SteppingClock();
        exchange = new Exchange(new WanderingPrices(), new FaultSwitches(), clock, KalshiSimulatorSettings.defaults(),
                message -> published++);
        exchange.tick();
        account = exchange.openAccount("bench", null, Money.ofCents(100_000_000));
        ticker = "KXBTCD-26SEP2516-T89999.99";
    }

    @Benchmark
    public Object placeAndCancelARestingOrder() {
        SimOrder order = exchange.create(account, new Exchange.OrderRequest(ticker, null, SimOrder.BookSide.BID,
                Count.ofContracts(5), Price.ofCents(20), "good_till_canceled", "taker_at_cross", false, false, null, false));
        return exchange.cancel(account, order.orderId());
    }

    @Benchmark
    public long oneExchangeSecondRequotingEveryMarket() {
        clock.now = clock.now.plusSeconds(1);
        exchange.tick();
        return published;
    }
}
