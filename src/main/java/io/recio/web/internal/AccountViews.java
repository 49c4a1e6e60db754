package io.recio.web.internal;

import io.recio.LiveUpdate;
import io.recio.kalshi.BalanceChanged;
import io.recio.kalshi.FillReceived;
import io.recio.kalshi.KalshiAccount;
import io.recio.kalshi.KalshiBalance;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiPosition;
import io.recio.kalshi.KalshiSettlement;
import io.recio.kalshi.LiveMarkets;
import io.recio.kalshi.MarketQuote;
import io.recio.kalshi.OrderUpdated;
import io.recio.kalshi.PositionChanged;
import io.recio.kalshi.SettlementReceived;
import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Account page's data: the mirrored Kalshi account with each position valued at the live bid, built for the
 * first render and pushed as {@code account} whenever the account sync reports a change.
 */
@Component
class AccountViews {

    /** Fills and settlements shown. */
    static final int RECENT = 50;
    /** The mirror counts as stale after this many sync intervals without a full pass. */
    static final int STALE_AFTER_INTERVALS = 3;

    /**
     * The account as the page shows it; money as dollar strings, counts as contract strings.
     *
     * @param environment   simulator, demo or production
     * @param restUrl       the Kalshi endpoint
     * @param lastSync      the end of the last full sync (null before the first)
     * @param freshUntil    after this the mirror is stale (null before the first sync)
     * @param balance       cash and portfolio value, with the cash of each exchange shard
     * @param positions     open positions valued at the bid
     * @param restingOrders orders resting on the book
     * @param fills         the newest fills
     * @param settlements   the newest settlements
     */
    record AccountView(String environment, String restUrl, Instant lastSync, Instant freshUntil, BalanceView balance,
                       List<PositionView> positions, List<OrderView> restingOrders, List<FillView> fills,
                       List<SettlementView> settlements) {
    }

    record BalanceView(String cash, String portfolioValue, List<ShardView> shards, Instant updatedAt) {
    }

    record ShardView(int exchangeIndex, String cash) {
    }

    /** A position: its side and size, cost, the bid it could be sold at and what that would realize. */
    record PositionView(String ticker, String side, String contracts, String exposure, String bid,
                        String unrealizedPnl, String realizedPnl, String feesPaid, Instant updatedAt) {
    }

    record OrderView(String orderId, String clientOrderId, String ticker, String side, String action, String price,
                     String remaining, String filled, Instant createdAt) {
    }

    record FillView(String tradeId, String ticker, String side, String action, String count, String price,
                    String fee, boolean taker, Instant filledAt) {
    }

    record SettlementView(String ticker, String result, String yesCount, String noCount, String revenue, String fee,
                          Instant settledAt) {
    }

    private final ObjectProvider<KalshiAccount> account;
    private final ObjectProvider<LiveMarkets> markets;
    private final ApplicationEventPublisher events;

    AccountViews(ObjectProvider<KalshiAccount> account, ObjectProvider<LiveMarkets> markets,
                 ApplicationEventPublisher events) {
        this.account = account;
        this.markets = markets;
        this.events = events;
    }

    AccountView view() {
        KalshiAccount a = account.getObject();
        KalshiAccount.Sync sync = a.sync();
        KalshiBalance b = a.balance();
        Instant freshUntil = sync.lastSync() == null ? null
                : sync.lastSync().plus(sync.interval().multipliedBy(STALE_AFTER_INTERVALS));
        return new AccountView(sync.environment(), sync.restUrl(), sync.lastSync(), freshUntil,
                new BalanceView(b.available().toDollars(), b.portfolioValue().toDollars(),
                        b.byShard().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                                .map(e -> new ShardView(e.getKey(), e.getValue().toDollars())).toList(),
                        Instant.EPOCH.equals(b.updatedAt()) ? null : b.updatedAt()),
                a.positions().stream().map(this::position).toList(),
                a.restingOrders().stream().map(AccountViews::order).toList(),
                a.fills(RECENT).stream().map(AccountViews::fill).toList(),
                a.settlements(RECENT).stream().sorted(Comparator.comparing(KalshiSettlement::settledAt).reversed())
                        .map(AccountViews::settlement).toList());
    }

    private PositionView position(KalshiPosition p) {
        Side side = p.position().isPositive() ? Side.YES : Side.NO;
        Count held = p.position().abs();
        Optional<Price> bid = quote(p.ticker()).map(q -> side == Side.YES ? q.yesBid() : q.noBid());
        String unrealized = bid.map(price -> Money.cost(held, price).minus(p.exposure()).toDollars()).orElse(null);
        return new PositionView(p.ticker(), side.name(), held.toFp(), p.exposure().toDollars(),
                bid.map(Price::toDollars).orElse(null), unrealized, p.realizedPnl().toDollars(),
                p.feesPaid().toDollars(), p.updatedAt());
    }

    private Optional<MarketQuote> quote(String ticker) {
        LiveMarkets live = markets.getIfAvailable();
        if (live == null) {
            return Optional.empty();
        }
        try {
            return live.quote(MarketTicker.parse(ticker));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static OrderView order(KalshiOrder o) {
        Price sidePrice = o.outcomeSide() == Side.YES ? o.yesPrice() : o.yesPrice().complement();
        return new OrderView(o.orderId(), o.clientOrderId(), o.ticker(), o.outcomeSide().name(),
                o.bookSide() == io.recio.kalshi.BookSide.BID ? "BUY" : "SELL", sidePrice.toDollars(),
                o.remainingCount().toFp(), o.fillCount().toFp(), o.createdAt());
    }

    private static FillView fill(KalshiFill f) {
        return new FillView(f.tradeId(), f.ticker(), f.outcomeSide().name(),
                f.bookSide() == io.recio.kalshi.BookSide.BID ? "BUY" : "SELL", f.count().toFp(),
                f.sidePrice().toDollars(), f.fee().toDollars(), f.taker(), f.at());
    }

    private static SettlementView settlement(KalshiSettlement s) {
        return new SettlementView(s.ticker(), s.result(), s.yesCount().toFp(), s.noCount().toFp(),
                s.revenue().toDollars(), s.fee().toDollars(), s.settledAt());
    }

    @EventListener({BalanceChanged.class, PositionChanged.class, FillReceived.class, OrderUpdated.class,
            SettlementReceived.class})
    void changed() {
        if (account.getIfAvailable() != null) {
            events.publishEvent(LiveUpdate.latest("account", "account", view()));
        }
    }
}
