package io.recio.simulator.replay;

import io.recio.market.Symbol;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.exchange.internal.MarketMakerModel;
import java.util.List;

/**
 * The simulated exchange's listing and market makers as functions: the strikes listed around an index
 * and the makers' calibrated ladder (lognormal fair value over the settlement-shortened horizon,
 * favourite–longshot bias, Kalshi's observed spread and depth).
 */
public final class MakerBook {

    /** One maker level: book side (YES bid or YES ask), YES price in cents, whole contracts. */
    public record Level(boolean bid, int priceCents, long contracts) {
    }

    private static final KalshiSimulatorSettings LISTING = KalshiSimulatorSettings.defaults();

    private MakerBook() {
    }

    /** The strikes (whole dollars) the exchange lists for {@code symbol} with the index at {@code indexDollars}. */
    public static long[] strikesAround(Symbol symbol, double indexDollars) {
        return LISTING.strikesAround(symbol, indexDollars);
    }

    /**
     * The makers' best YES bid in cents (0: none) for a market whose floor is {@code floorDollars}; the best ask is
     * a cent above (100: none). The top of {@link #ladder} without building it.
     */
    public static int bestBidCents(double indexDollars, double floorDollars, double annualisedVolatility,
                                   long secondsLeft) {
        return MarketMakerModel.bestBidCents(MarketMakerModel.quotedMid(
                MarketMakerModel.probabilityAbove(indexDollars, floorDollars, annualisedVolatility, secondsLeft)));
    }

    /** The strike spacing in dollars the exchange lists {@code symbol} at. */
    public static long spacing(Symbol symbol) {
        return LISTING.spacing(symbol);
    }

    /** The makers' YES ladder for a market whose floor is {@code floorDollars}, best levels first. */
    public static List<Level> ladder(double indexDollars, double floorDollars, double annualisedVolatility,
                                     long secondsLeft) {
        double fair = MarketMakerModel.probabilityAbove(indexDollars, floorDollars, annualisedVolatility, secondsLeft);
        return MarketMakerModel.ladder(MarketMakerModel.quotedMid(fair)).stream()
                .map(q -> new Level(q.bid(), q.priceCents(), q.contracts())).toList();
    }
}
