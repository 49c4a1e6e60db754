package io.recio.bench;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.prices.MinuteCandle;
import io.recio.simulator.prices.model.PriceModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
 * The simulated index is read on every feed trade, quote and settlement: a cached second must cost well
 * under a microsecond; generating a fresh hour of path (both symbols) and a demo's month of minute
 * candles bound how long a test-clock jump and the demo's history seeding take.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PriceModelBenchmark {

    private static final Instant NOW = Instant.parse("2026-03-02T14:00:00Z");
    private PriceModel model;
    private long second;
    private long hour;

    @Setup(Level.Iteration)
    public void setUp() {
        model = new PriceModel(Clock.fixed(NOW, ZoneOffset.UTC), 1, SpotPrice.parse("95000"),
                SpotPrice.parse("3500"), null, null);
        second = 0;
        hour = 0;
    }

    /** A second within the cached hours, as the feed and the exchange read it. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public SpotPrice indexAtCachedSecond() {
        second = (second + 7) % 3_600;
        return model.indexAt(Symbol.BTC, NOW.plusSeconds(second));
    }

    /** A never-computed hour: 3,600 seconds of both symbols generated from the seed. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public SpotPrice indexAtFreshHour() {
        hour++;
        return model.indexAt(Symbol.ETH, NOW.plusSeconds(hour * 3_600));
    }

    /** 30 days of BTC minute candles back from now (a demo's history). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<MinuteCandle> thirtyDaysOfMinuteCandles() {
        PriceModel fresh = new PriceModel(Clock.fixed(NOW, ZoneOffset.UTC), 2, SpotPrice.parse("95000"),
                SpotPrice.parse("3500"), null, null);
        return fresh.minuteCandles(Symbol.BTC, NOW.minus(Duration.ofDays(30)), NOW);
    }
}
