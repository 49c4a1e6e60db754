package io.recio.trading.venue;

import io.recio.market.Count;
import io.recio.market.Price;
import io.recio.market.Side;

/** The best YES bid and ask of a market with their sizes; the NO side mirrors them. */
public record TopOfBook(Price yesBid, Count yesBidSize, Price yesAsk, Count yesAskSize) {

    /** The price a buyer of {@code side} pays. */
    public Price ask(Side side) {
        return side == Side.YES ? yesAsk : yesBid.complement();
    }

    /** Contracts offered at {@link #ask}. */
    public Count askSize(Side side) {
        return side == Side.YES ? yesAskSize : yesBidSize;
    }

    /** The price a seller of {@code side} gets. */
    public Price bid(Side side) {
        return side == Side.YES ? yesBid : yesAsk.complement();
    }

    /** Contracts wanted at {@link #bid}. */
    public Count bidSize(Side side) {
        return side == Side.YES ? yesBidSize : yesAskSize;
    }
}
