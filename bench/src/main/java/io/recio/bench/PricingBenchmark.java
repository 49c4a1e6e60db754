package io.recio.bench;

import io.recio.feeds.PriceTick;
import io.recio.kalshi.EventMarkets;
import io.recio.kalshi.MarketQuote;
import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.SpotPrice;
import io.recio.market.Strike;
import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import io.recio.pricing.SettlementDistribution;
import io.recio.pricing.StrikeTable;
import io.recio.pricing.internal.PricingProperties;
import io.recio.pricing.internal.StrikeTableCalculator;
import io.recio.pricing.internal.model.FingerprintBuilder;
import io.recio.pricing.internal.model.FingerprintModel;
import io.recio.pricing.internal.model.MinuteSeries;
import io.recio.pricing.internal.model.VolatilityFit;
import io.recio.pricing.internal.model.VolatilityModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * The strike table is recomputed on every tick and quote change: one table of 100 strikes must cost
 * microseconds (sampled, p50/p99), and a single probability evaluation well under one.
 */
@State(Scope.Benchmark)
public class PricingBenchmark {

    private static final Instant NOW = Instant.parse("2026-09-25T19:30:00Z");

    private FingerprintModel fingerprint;
    private VolatilityModel volatility;
    private StrikeTableCalculator calculator;
    private PriceTick tick;
    private EventMarkets book;
    private SettlementDistribution fingerprintDistribution;
    private SettlementDistribution volatilityDistribution;
    private double strike = 99_000;

    @Setup
    public void setUp() {
        // 30 days of a 0.05 %-per-minute random walk stand in for the one-minute history.
        Random random = new Random(1);
        MinuteSeries.Builder history = MinuteSeries.builder();
        double price = 100_000;
        Instant start = NOW.minus(Duration.ofDays(30));
        for (int i = 0; i < 30 * 1440; i++) {
            double open = price;
            price *= 1 + random.nextGaussian() * 0.0005;
            history.add(start.plusSeconds(60L * i), open, price);
        }
        MinuteSeries series = history.build();
        fingerprint = new FingerprintModel();
        fingerprint.install(Symbol.BTC, new FingerprintBuilder(0.5, 300).build(series, p -> { }));
        volatility = new VolatilityModel(900, 0.25);
        volatility.seed(Symbol.BTC, VolatilityFit.fit(series, 360));
        PricingProperties properties = new Binder(ConfigurationPropertySources.get(new StandardEnvironment()))
                .bindOrCreate("recio.pricing", PricingProperties.class);
        calculator = new StrikeTableCalculator(properties);
        tick = new PriceTick(Symbol.BTC, NOW, SpotPrice.parse("100000"), Map.of(1, 0.01), 0.01,
                SpotPrice.parse("100000"), "bench", Duration.ZERO);
        EventTicker event = EventTicker.aboveBelow(Symbol.BTC, Instant.parse("2026-09-25T20:00:00Z"));
        List<MarketQuote> quotes = new ArrayList<>();
        for (int k = -50; k < 50; k++) {
            SpotPrice floor = SpotPrice.parse(String.valueOf(100_000 + k * 100 - 0.01));
            quotes.add(new MarketQuote(MarketTicker.threshold(event, floor), Strike.above(floor), event.close(),
                    Price.ofCents(Math.max(1, 49 - k)), Count.ofContracts(10), Price.ofCents(Math.min(99, 50 - k + 1)),
                    Count.ofContracts(10), null, Count.ofContracts(1000), NOW));
        }
        book = new EventMarkets(event, quotes, NOW);
        ModelInputs inputs = ModelInputs.unobserved(Symbol.BTC, 100_000, 1800, 2);
        fingerprintDistribution = fingerprint.settlement(inputs);
        volatilityDistribution = volatility.settlement(inputs);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public StrikeTable strikeTable100StrikesVolatility() {
        return calculator.compute(Symbol.BTC, NOW, tick, book, null, volatility, StrikeTableCalculator.Observed.NONE);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public StrikeTable strikeTable100StrikesFingerprint() {
        return calculator.compute(Symbol.BTC, NOW, tick, book, null, fingerprint, StrikeTableCalculator.Observed.NONE);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public double probabilityFingerprint() {
        strike = strike >= 101_000 ? 99_000 : strike + 10;
        return fingerprintDistribution.probabilityAbove(strike);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public double probabilityVolatility() {
        strike = strike >= 101_000 ? 99_000 : strike + 10;
        return volatilityDistribution.probabilityAbove(strike);
    }
}
