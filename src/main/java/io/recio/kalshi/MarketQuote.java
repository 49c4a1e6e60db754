package io.recio.kalshi;

import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Strike;
import java.time.Instant;

/**
 * The top of one market's book and its activity, published as an application event whenever it
 * changes. All prices are YES prices; the NO side follows (no bid = 1 − yes ask, no ask = 1 − yes bid).
 * A missing bid is {@link Price#ZERO} with size 0; a missing ask is {@link Price#ONE} with size 0.
 *
 * @param ticker    the market
 * @param strike    what it pays on
 * @param close     when the market closes
 * @param yesBid    best YES bid
 * @param yesBidSize contracts at the best YES bid
 * @param yesAsk    best YES ask
 * @param yesAskSize contracts at the best YES ask
 * @param lastPrice last traded YES price, or null before the first trade
 * @param volume    contracts traded in this market
 * @param at        when the quote was observed
 */
public record MarketQuote(MarketTicker ticker, Strike strike, Instant close, Price yesBid, Count yesBidSize,
                          Price yesAsk, Count yesAskSize, Price lastPrice, Count volume, Instant at) {

    public Price noBid() {
        return yesAsk.complement();
    }

    public Price noAsk() {
        return yesBid.complement();
    }

    public Count noBidSize() {
        return yesAskSize;
    }

    public Count noAskSize() {
        return yesBidSize;
    }

    public boolean hasYesBid() {
        return yesBidSize.isPositive();
    }

    public boolean hasYesAsk() {
        return yesAskSize.isPositive();
    }
}
