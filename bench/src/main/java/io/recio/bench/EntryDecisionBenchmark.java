package io.recio.bench;

import io.recio.feeds.PriceTick;
import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Strike;
import io.recio.market.Symbol;
import io.recio.pricing.EventTable;
import io.recio.pricing.StrikeRow;
import io.recio.pricing.StrikeTable;
import io.recio.trading.StrikeView;
import io.recio.trading.internal.EntryGates;
import io.recio.trading.internal.SpikeAlert;
import io.recio.trading.internal.TradeSettings;
import io.recio.trading.internal.adapters.PricingAdapter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Price tick to entry decision: a tick moves the spike alert, the symbol's strike table (40 strikes of
 * the current event, as pricing publishes it) becomes trading's views, and both sides of every strike
 * go through the auto-entry gates. The persisted cooldown and settings reads are outside (cached per pass).
 * SampleTime reports the p50/p99 of one whole pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EntryDecisionBenchmark {

    private static final Instant CLOSE = Instant.parse("2026-09-25T20:00:00Z");

    private StrikeTable table;
    private TradeSettings settings;
    private SpikeAlert spike = SpikeAlert.CLEAR;
    private Instant now = CLOSE.minusSeconds(600);
    private double momentum;

    @Setup
    public void table() {
        EventTicker event = EventTicker.aboveBelow(Symbol.BTC, CLOSE);
        List<StrikeRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long strike = 91_000 + 250L * i;
            double p = 1 / (1 + Math.exp((strike - 93_500) / 400.0));
            long ask = Math.max(300, Math.min(9_800, Math.round(p * 100) * 100 + 100));
            rows.add(new StrikeRow(MarketTicker.threshold(event, new SpotPrice(strike * 10_000 - 100)),
                    Strike.above(new SpotPrice(strike * 10_000 - 100)), strike - 93_500, 0, p, new Price(ask - 200),
                    new Price(ask), new Price(10_000 - ask), new Price(10_200 - ask), true, true,
                    p * 100 - ask / 100.0 - 0.2, (1 - p) * 100 - (10_200 - ask) / 100.0 - 0.2,
                    Count.ofContracts(5_000), p > 0.5 ? Side.YES : Side.NO));
        }
        table = new StrikeTable(Symbol.BTC, now, SpotPrice.parse("93500"), now, 5, Map.of(), "volatility", false,
                List.of(), new EventTable(event, CLOSE, 600, now, rows), null);
        TradeSettings d = TradeSettings.DEFAULTS;
        settings = new TradeSettings(true, d.autoStopEnabled(), d.positionSize(), d.multiplier(), d.minProbability(),
                d.minEdge(), d.minTimeSeconds(), d.maxTimeSeconds(), d.cooldownSeconds(), d.spikeThreshold(),
                d.recoveryThreshold(), d.recoveryMinutes(), d.minVolume(), d.maxAsk(), d.stopProbability(),
                d.stopMinHoldSeconds(), d.stopVerifySeconds(), d.momentumStopEnabled(), d.momentumStopThreshold());
    }

    @Benchmark
    public int tickToDecision() {
        now = now.plusMillis(1);
        momentum = momentum > 0.3 ? 0 : momentum + 0.001;
        PriceTick tick = new PriceTick(Symbol.BTC, now, SpotPrice.parse("93500"), Map.of(), momentum,
                SpotPrice.parse("93500"), "bench", Duration.ZERO);
        spike = spike.next(tick.momentum(), tick.at(), settings);
        int entries = 0;
        for (StrikeView v : PricingAdapter.views(table)) {
            for (Side side : Side.values()) {
                if (EntryGates.evaluate(v, side, settings, spike, null, false, now).enter()) {
                    entries++;
                }
            }
        }
        return entries;
    }
}
