package io.recio.trading.internal.adapters;

import io.recio.market.Money;
import io.recio.market.Side;
import io.recio.pricing.EventTable;
import io.recio.pricing.StrikeRow;
import io.recio.pricing.StrikeTable;
import io.recio.pricing.StrikeTableUpdated;
import io.recio.trading.StrikeView;
import io.recio.trading.internal.MarketBoard;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Maps the pricing module's strike tables onto trading's {@link StrikeView} rows on the {@link MarketBoard}. */
@Component
public class PricingAdapter {

    private final MarketBoard board;

    public PricingAdapter(MarketBoard board) {
        this.board = board;
    }

    @EventListener
    public void onTable(StrikeTableUpdated update) {
        for (StrikeView v : views(update.table())) {
            board.update(v);
        }
    }

    /** Every row of the table's events as trading sees them; a table without a price gives none. */
    public static java.util.List<StrikeView> views(StrikeTable table) {
        if (table.spot() == null) {
            return java.util.List.of();
        }
        java.util.List<StrikeView> views = new java.util.ArrayList<>();
        for (EventTable event : table.events()) {
            for (StrikeRow row : event.rows()) {
                views.add(new StrikeView(row.ticker(), row.strike().reference(), event.close(), row.probabilityYes(),
                        row.yesBid(), row.yesAsk(), edge(row, Side.YES), edge(row, Side.NO), row.volume(), table.spot(),
                        table.computedAt(), table.stale()));
            }
        }
        return views;
    }

    /** Pricing's edge in cents per contract as money, to the nearest $0.0001; null when the side has no ask. */
    static Money edge(StrikeRow row, Side side) {
        Double cents = row.edgeCents(side);
        return cents == null || cents.isNaN() ? null : new Money(Math.round(cents * 100));
    }
}
