package io.recio.pricing;

import io.recio.feeds.Candle;
import io.recio.market.Price;
import io.recio.market.Symbol;
import io.recio.pricing.internal.PricingProperties;
import io.recio.pricing.internal.StrikeTableCalculator;
import io.recio.pricing.internal.model.HarModel;
import io.recio.pricing.internal.model.HarVolatility;
import io.recio.pricing.internal.model.MinuteSeries;
import io.recio.pricing.internal.model.VolatilityFit;
import io.recio.pricing.internal.model.VolatilityModel;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pricing for a replay of history (the backtester): the live models with their default settings, fitted on the
 * minutes before the replay as {@code model build} fits them on the history, and fed one second at a time as the
 * price log feeds them live. The default {@code har} prices while it is ready; the volatility model serves when it
 * is not (a warm-up shorter than two days and an hour leaves the HAR weights unfitted, a gap in the replay empties
 * its trailing windows), and the strike table's edge after the taker fee. One instance per replay; not shared
 * between threads.
 */
public final class ReplayPricing {

    private static final double LIVE_HALF_LIFE_SECONDS = 15 * 60;

    private final VolatilityModel volatility = new VolatilityModel(LIVE_HALF_LIFE_SECONDS,
            Double.parseDouble(PricingProperties.Volatility.DEFAULT_FLOOR_FRACTION));
    private final HarModel har = new HarModel();
    /** The models that priced, in the order they first did. */
    private final Set<String> used = new LinkedHashSet<>();

    /** Fits the models on one-minute history before the replay, as {@code model build} fits them live. */
    public void warmUp(Symbol symbol, List<Candle> before) {
        if (before.isEmpty()) {
            return;
        }
        MinuteSeries.Builder builder = MinuteSeries.builder();
        before.forEach(builder::add);
        MinuteSeries series = builder.build();
        VolatilityFit fit = VolatilityFit.fit(series,
                Double.parseDouble(PricingProperties.Volatility.DEFAULT_HISTORY_HALF_LIFE_MINUTES));
        if (fit != null) {
            volatility.seed(symbol, fit);
        }
        HarVolatility weights = HarVolatility.fit(series, series.size());
        if (weights != null) {
            har.install(symbol, weights, fit == null ? VolatilityFit.DEFAULT_NU : fit.nu());
            har.seed(symbol, series);
        }
    }

    /** Feeds one second of the price log. */
    public void observe(Symbol symbol, Instant at, double priceDollars) {
        volatility.observe(symbol, at, priceDollars);
        har.observe(symbol, at, priceDollars);
    }

    public boolean isReady(Symbol symbol) {
        return har.isReady(symbol) || volatility.isReady(symbol);
    }

    /** The names of the models the probabilities came from, or the one that would price first when none has. */
    public String modelName() {
        return used.isEmpty() ? har.name() : String.join("+", used);
    }

    /** The ready model's settlement distribution for these inputs (har first); only when {@link #isReady}. */
    public SettlementDistribution settlement(ModelInputs inputs) {
        ProbabilityModel model = har.isReady(inputs.symbol()) ? har : volatility;
        used.add(model.name());
        return model.settlement(inputs);
    }

    /** The strike table's edge: P(side)·100 − ask¢ − taker fee¢ for one contract bought at {@code ask}. */
    public static double edgeCents(double probability, Price ask) {
        return StrikeTableCalculator.edgeCents(probability, ask);
    }
}
