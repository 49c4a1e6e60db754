package io.recio.trading;

import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import java.time.Instant;

/**
 * What trading needs to know about one strike at one moment (a row of the strike table): the model's
 * probability, the book, edges after fees and activity. An adapter maps the pricing module's table
 * onto it; trading consumes nothing else from pricing.
 *
 * @param ticker     the market
 * @param strike     the strike price
 * @param close      when the market closes
 * @param probYes    model probability that YES pays (0..1)
 * @param yesBid     best YES bid (0 when none)
 * @param yesAsk     best YES ask (1 when none)
 * @param yesEdge    edge per contract of buying YES at the ask, after the taker fee; null when YES cannot be bought
 * @param noEdge     edge per contract of buying NO at the ask, after the taker fee; null when NO cannot be bought
 * @param volume     contracts traded
 * @param spot       the underlying's price the row was computed from
 * @param at         when the row was computed
 * @param stale      whether an input of the row (price feed or book) was stale
 */
public record StrikeView(MarketTicker ticker, SpotPrice strike, Instant close, double probYes, Price yesBid,
                         Price yesAsk, Money yesEdge, Money noEdge, Count volume, SpotPrice spot, Instant at,
                         boolean stale) {

    /** Model probability that {@code side} pays. */
    public double probability(Side side) {
        return side == Side.YES ? probYes : 1 - probYes;
    }

    /** What buying {@code side} costs now. */
    public Price ask(Side side) {
        return side == Side.YES ? yesAsk : yesBid.complement();
    }

    /** What selling {@code side} fetches now. */
    public Price bid(Side side) {
        return side == Side.YES ? yesBid : yesAsk.complement();
    }

    public Money edge(Side side) {
        return side == Side.YES ? yesEdge : noEdge;
    }
}
