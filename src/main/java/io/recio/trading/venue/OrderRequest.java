package io.recio.trading.venue;

import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;

/**
 * One limit order as trading sends it.
 *
 * @param clientOrderId deterministic id from (trade, attempt); a resend is a duplicate to the venue
 * @param ticker        the market
 * @param side          the side bought or sold
 * @param action        buy or sell
 * @param count         contracts
 * @param worstPrice    the worst acceptable price of {@code side} (highest for a buy, lowest for a sell)
 * @param timeInForce   IOC or FOK
 * @param reduceOnly    may only reduce a position (exits)
 */
public record OrderRequest(String clientOrderId, MarketTicker ticker, Side side, OrderAction action, Count count,
                           Price worstPrice, TimeInForce timeInForce, boolean reduceOnly) {

    public OrderRequest {
        if (!count.isPositive()) {
            throw new IllegalArgumentException("order count must be positive, was " + count);
        }
    }
}
