package io.recio.pricing;

import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.Strike;

/**
 * One market of a strike table.
 *
 * @param ticker           the market
 * @param strike           what it pays on
 * @param distanceDollars  strike reference − spot, in dollars (positive: strike above spot)
 * @param distancePercent  the same as % of spot
 * @param probabilityYes   the model's P(YES), 0..1
 * @param yesBid           best YES bid (0 when none)
 * @param yesAsk           best YES ask (1 when none)
 * @param noBid            best NO bid
 * @param noAsk            best NO ask
 * @param yesAskAvailable  whether YES can be bought now (contracts offered at the YES ask)
 * @param noAskAvailable   whether NO can be bought now
 * @param yesEdgeCents     P(YES)·100 − YES ask¢ − taker fee¢ per contract; null when YES cannot be bought
 * @param noEdgeCents      the same for NO; null when NO cannot be bought
 * @param volume           contracts traded
 * @param activeSide       the side REC.IO offered: YES for a strike below spot (stay above), NO otherwise
 */
public record StrikeRow(MarketTicker ticker, Strike strike, double distanceDollars, double distancePercent,
                        double probabilityYes, Price yesBid, Price yesAsk, Price noBid, Price noAsk,
                        boolean yesAskAvailable, boolean noAskAvailable, Double yesEdgeCents, Double noEdgeCents,
                        Count volume, Side activeSide) {

    /** P(side wins). */
    public double probability(Side side) {
        return side == Side.YES ? probabilityYes : 1 - probabilityYes;
    }

    /** The price to buy {@code side} now. */
    public Price ask(Side side) {
        return side == Side.YES ? yesAsk : noAsk;
    }

    public boolean askAvailable(Side side) {
        return side == Side.YES ? yesAskAvailable : noAskAvailable;
    }

    /** Edge of buying {@code side} after the taker fee, in cents per contract; null when it cannot be bought. */
    public Double edgeCents(Side side) {
        return side == Side.YES ? yesEdgeCents : noEdgeCents;
    }
}
