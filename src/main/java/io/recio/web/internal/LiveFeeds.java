package io.recio.web.internal;

import io.recio.LiveUpdate;
import io.recio.LiveViewer;
import io.recio.feeds.PriceTick;
import io.recio.market.Symbol;
import io.recio.pricing.StrikeTableJson;
import io.recio.pricing.StrikeTableJson.StrikeTableView;
import io.recio.pricing.StrikeTableJson.WatchlistRowView;
import io.recio.pricing.StrikeTableUpdated;
import io.recio.trading.ActiveTradeView;
import io.recio.trading.ActiveTradesUpdated;
import io.recio.trading.TradeStatus;
import io.recio.trading.TradeUpdated;
import io.recio.trading.TradeView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the console's pages watch, turned into pushes on the live channel: each symbol's strike table and
 * watchlist ({@code strike_table}), the live trades ({@code active_trades}, each user seeing their own, an admin
 * all) and every change of a trade ({@code trade}, to its owner and the admins).
 */
@Component
class LiveFeeds {

    /**
     * A symbol's strike table and watchlist as pushed.
     *
     * @param table      the table (the shape of {@code /api/strike_tables/{symbol}})
     * @param watchlist  the rows that pass the watchlist filter
     * @param tickAt     when the price tick the table was computed from entered recio (tick-to-screen latency)
     * @param freshUntil after this instant the numbers are too old to show as live
     */
    record StrikeTablePush(StrikeTableView table, List<WatchlistRowView> watchlist, Instant tickAt,
                           Instant freshUntil) {
    }

    /** Every live trade the viewer may see, valued at {@code at}. */
    record ActiveTradesPush(List<ActiveTradeView> trades, Instant at) {
    }

    /**
     * One change of a trade.
     *
     * @param change  what happened: sent, entered, rejected, unknown, closing, closed, exit_partial, exit_unfilled,
     *                expired, settled, reconciled, adopted or updated
     * @param summary the change in one line
     * @param trade   the trade after it
     */
    record TradePush(String change, String summary, TradeView trade) {
    }

    /** When the newest tick of a symbol (the second it stands for) entered recio. */
    private record Seen(Instant second, Instant at) {
    }

    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration freshFor;
    private final Map<Symbol, Seen> ticks = new EnumMap<>(Symbol.class);
    private final Map<Symbol, Instant> pushedPrice = new EnumMap<>(Symbol.class);

    LiveFeeds(ApplicationEventPublisher events, Clock clock, WebProperties properties) {
        this.events = events;
        this.clock = clock;
        this.freshFor = properties.priceFreshFor();
    }

    @EventListener
    void onTick(PriceTick tick) {
        synchronized (ticks) {
            ticks.put(tick.symbol(), new Seen(tick.at(), clock.instant()));
        }
    }

    @EventListener
    void onTable(StrikeTableUpdated update) {
        Symbol symbol = update.table().symbol();
        Instant priceAt = update.table().priceAt();
        Instant tickAt = null;
        boolean newPrice;
        synchronized (ticks) {
            Seen seen = ticks.get(symbol);
            if (seen != null && seen.second().equals(priceAt)) {
                tickAt = seen.at();
            }
            newPrice = priceAt != null && !priceAt.equals(pushedPrice.get(symbol));
            if (newPrice) {
                pushedPrice.put(symbol, priceAt);
            }
        }
        StrikeTablePush push = new StrikeTablePush(StrikeTableJson.table(update.table()),
                StrikeTableJson.watchlist(update.watchlist()), tickAt,
                priceAt == null ? update.table().computedAt() : priceAt.plus(freshFor));
        // A new price goes out at once; recomputations for quotes and the clock are coalesced.
        events.publishEvent(new LiveUpdate("strike_table", symbol.name(),
                newPrice ? LiveUpdate.Delivery.LATEST_NOW : LiveUpdate.Delivery.LATEST, viewer -> push));
    }

    @EventListener
    void onActiveTrades(ActiveTradesUpdated update) {
        List<ActiveTradeView> all = update.trades().stream().map(ActiveTradeView::of).toList();
        events.publishEvent(new LiveUpdate("active_trades", "all", LiveUpdate.Delivery.LATEST,
                viewer -> new ActiveTradesPush(all.stream().filter(t -> viewer.sees(t.trade().user())).toList(),
                        update.at())));
    }

    @EventListener
    void onTradeUpdated(TradeUpdated u) {
        TradeView trade = TradeView.of(u.trade());
        String change = change(u);
        String summary = u.trade().side() + " " + u.trade().ticker() + ": " + u.message();
        TradePush push = new TradePush(change, summary, trade);
        events.publishEvent(new LiveUpdate("trade", "trade", LiveUpdate.Delivery.EVERY,
                (LiveViewer viewer) -> viewer.sees(trade.user()) ? push : null));
    }

    static String change(TradeUpdated u) {
        TradeStatus from = u.from();
        TradeStatus to = u.to();
        if (from == to) {
            return u.outcomeUnknown() ? "unknown" : "updated";
        }
        if (from == null) {
            return to == TradeStatus.OPEN ? "adopted" : "sent";
        }
        return switch (to) {
            case REJECTED -> "rejected";
            case OPEN -> from == TradeStatus.PENDING ? "entered"
                    : u.message().startsWith("exit filled") ? "exit_partial" : "exit_unfilled";
            case CLOSING -> "closing";
            case CLOSED -> u.message().startsWith("reconciled") ? "reconciled" : "closed";
            case EXPIRED -> "expired";
            case SETTLED -> "settled";
            case PENDING -> "sent";
        };
    }
}
