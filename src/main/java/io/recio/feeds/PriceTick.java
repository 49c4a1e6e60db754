package io.recio.feeds;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One logged second of an underlying's price, published as an application event once per second
 * per symbol (REC.IO's btc_price_log row).
 *
 * @param symbol         BTC or ETH
 * @param at             the second this price stands for (UTC)
 * @param price          the last price at that second
 * @param deltasPercent  % change against the last logged price at or before {@code at − N minutes}, keyed by
 *                       N in {1, 2, 3, 4, 15, 30}; a key is absent when history does not reach back that far
 * @param momentum       the weighted average of the available deltas (weights 0.30, 0.25, 0.20, 0.15, 0.05,
 *                       0.05, renormalised over those present), in percent; NaN when no delta is available
 * @param average60s     the trailing 60-second average of the logged prices (the settlement-style value)
 * @param source         where the price came from, e.g. "coinbase" or "kalshi-cfbenchmarks"
 * @param age            how old the newest underlying message was at {@code at}; large means stale
 */
public record PriceTick(Symbol symbol, Instant at, SpotPrice price, Map<Integer, Double> deltasPercent,
                        double momentum, SpotPrice average60s, String source, Duration age) {

    /** The look-back horizons of the deltas, in minutes, and their momentum weights (REC.IO's). */
    public static final int[] DELTA_MINUTES = {1, 2, 3, 4, 15, 30};
    public static final double[] MOMENTUM_WEIGHTS = {0.30, 0.25, 0.20, 0.15, 0.05, 0.05};

    /** Momentum in basis points, as REC.IO's models bucket it. */
    public double momentumBasisPoints() {
        return momentum * 100;
    }

    /**
     * Deltas as the API spells them, keyed {@code "1m"}, {@code "15m"} ... in order of minutes (as
     * {@code changes_percent} keys {@code "1h"}); a delta that is not a number is left out like a missing one.
     */
    public static Map<String, Double> labelled(Map<Integer, Double> deltasPercent) {
        Map<String, Double> labelled = new LinkedHashMap<>();
        new TreeMap<>(deltasPercent).forEach((minutes, value) -> {
            if (value != null && Double.isFinite(value)) {
                labelled.put(minutes + "m", value);
            }
        });
        return labelled;
    }

    public boolean isStale(Duration limit) {
        return age.compareTo(limit) > 0;
    }
}
