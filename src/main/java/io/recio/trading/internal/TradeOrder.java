package io.recio.trading.internal;

import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.trading.venue.OrderAction;
import io.recio.trading.venue.OrderRequest;
import io.recio.trading.venue.TimeInForce;
import java.time.Instant;

/** One order row of a trade (entry or exit), as persisted before it is sent. */
public record TradeOrder(long id, long tradeId, String clientOrderId, int attempt, OrderPurpose purpose,
                         MarketTicker ticker, Side side, OrderAction action, Count count, Price worstPrice,
                         TimeInForce timeInForce, boolean reduceOnly, OrderStatus status, int lookups,
                         Instant nextLookupAt, Instant createdAt) {

    /** The request the venue receives for this row. */
    public OrderRequest request() {
        return new OrderRequest(clientOrderId, ticker, side, action, count, worstPrice, timeInForce, reduceOnly);
    }
}
