package io.recio.trading.internal.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.recio.trading.TradeDetail;
import io.recio.trading.TradeView;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/trades/{id}}: the trade's fields, then its orders, fills and log lines. */
record TradeDetailView(@JsonUnwrapped TradeView trade, List<OrderView> orders, List<FillView> fills,
                       List<TradeDetail.LogLine> log) {

    /** One order, prices in dollars and counts in contracts as strings. */
    record OrderView(String clientOrderId, int attempt, String purpose, String action, String side, String count,
                     String worstPrice, String timeInForce, String status, String filled, String problem,
                     Instant createdAt, Instant resolvedAt) {
    }

    /** One fill, priced in the trade's side. */
    record FillView(String fillId, String purpose, String count, String price, String fee, Instant filledAt) {
    }

    static TradeDetailView of(TradeDetail d) {
        return new TradeDetailView(TradeView.of(d.trade()),
                d.orders().stream().map(o -> new OrderView(o.clientOrderId(), o.attempt(), o.purpose(), o.action(),
                        o.side().name(), o.count().toFp(), o.worstPrice().toDollars(), o.timeInForce(), o.status(),
                        o.filled().toFp(), o.problem(), o.createdAt(), o.resolvedAt())).toList(),
                d.fills().stream().map(f -> new FillView(f.fillId(), f.purpose(), f.count().toFp(),
                        f.price().toDollars(), f.fee().toDollars(), f.filledAt())).toList(),
                d.log());
    }
}
