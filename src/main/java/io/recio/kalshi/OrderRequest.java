package io.recio.kalshi;

import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;

/**
 * An order as recio thinks of it (buy or sell YES or NO at a worst price), mapped to Kalshi's V2 YES book by
 * {@link #bookSide()} and {@link #yesPrice()} (reference §4.4: buy NO @q = ask @ 1−q, sell NO @q = bid @ 1−q).
 *
 * @param ticker        the market
 * @param side          the contract side traded
 * @param action        buy or sell
 * @param count         contracts, positive
 * @param worstPrice    the worst acceptable price in the terms of {@code side} (a NO price for NO)
 * @param timeInForce   IOC, FOK or GTC
 * @param reduceOnly    cap the order by the current position (closing orders)
 * @param clientOrderId the deterministic idempotency key (trade id + attempt)
 */
public record OrderRequest(MarketTicker ticker, Side side, OrderAction action, Count count, Price worstPrice,
                           TimeInForce timeInForce, boolean reduceOnly, String clientOrderId) {

    public OrderRequest {
        if (ticker == null || side == null || action == null || count == null || worstPrice == null
                || timeInForce == null) {
            throw new IllegalArgumentException("an order needs ticker, side, action, count, worst price and time in force");
        }
        if (!count.isPositive()) {
            throw new IllegalArgumentException("order count must be positive, got " + count);
        }
        if (worstPrice.units() <= 0 || worstPrice.units() >= Price.ONE_DOLLAR) {
            throw new IllegalArgumentException("order price must be inside (0, 1) dollars, got " + worstPrice);
        }
        if (clientOrderId == null || !clientOrderId.matches("[A-Za-z0-9_:.\\-]{1,64}")) {
            throw new IllegalArgumentException("client_order_id '" + clientOrderId
                    + "' must be 1 to 64 letters, digits, '-', '_', ':' or '.'");
        }
    }

    /** The V2 book side: buying YES or selling NO bids on the YES book; the others ask. */
    public BookSide bookSide() {
        boolean buysYes = (side == Side.YES) == (action == OrderAction.BUY);
        return buysYes ? BookSide.BID : BookSide.ASK;
    }

    /** The limit in YES-price terms, as V2 wants it. */
    public Price yesPrice() {
        return side == Side.YES ? worstPrice : worstPrice.complement();
    }
}
