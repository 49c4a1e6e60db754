package io.recio.pricing;

import io.recio.feeds.Candle;
import io.recio.market.Price;
import io.recio.market.Symbol;
import io.recio.pricing.internal.PricingProperties;
import io.recio.pricing.internal.StrikeTableCalculator;
import io.recio.pricing.internal.model.MinuteSeries;
import io.recio.pricing.internal.model.VolatilityFit;
import io.recio.pricing.internal.model.VolatilityModel;
import java.time.Instant;
import java.util.List;

/**
 * Pricing for a replay of history (the backtester): the live volatility model with its default settings,
 * seeded from the minutes before the replay and fed one second at a time as the price log feeds it live,
 * and the strike table's edge after the taker fee. One instance per replay; not shared between threads.
 */
public final class ReplayPricing {

    private static final double LIVE_HALF_LIFE_SECONDS = 15 * 60;

    private final VolatilityModel model = new VolatilityModel(LIVE_HALF_LIFE_SECONDS,
            Double.parseDouble(PricingProperties.Volatility.DEFAULT_FLOOR_FRACTION));

    /** Seeds the model from one-minute history before the replay, as {@code model build} seeds it live. */
    public void warmUp(Symbol symbol, List<Candle> before) {
        if (before.isEmpty()) {
            return;
        }
        MinuteSeries.Builder series = MinuteSeries.builder();
        before.forEach(series::add);
        VolatilityFit fit = VolatilityFit.fit(series.build(),
                Double.parseDouble(PricingProperties.Volatility.DEFAULT_HISTORY_HALF_LIFE_MINUTES));
        if (fit != null) {
            model.seed(symbol, fit);
        }
    }

    /** Feeds one second of the price log. */
    public void observe(Symbol symbol, Instant at, double priceDollars) {
        model.observe(symbol, at, priceDollars);
    }

    public boolean isReady(Symbol symbol) {
        return model.isReady(symbol);
    }

    /** The name of the model the probabilities come from. */
    public String modelName() {
        return model.name();
    }

    /** The model's settlement distribution for these inputs; only when {@link #isReady}. */
    public SettlementDistribution settlement(ModelInputs inputs) {
        return model.settlement(inputs);
    }

    /** The strike table's edge: P(side)·100 − ask¢ − taker fee¢ for one contract bought at {@code ask}. */
    public static double edgeCents(double probability, Price ask) {
        return StrikeTableCalculator.edgeCents(probability, ask);
    }
}
