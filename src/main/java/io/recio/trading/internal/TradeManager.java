package io.recio.trading.internal;

import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.trading.CloseMethod;
import io.recio.trading.EntryMethod;
import io.recio.trading.SettlementNotice;
import io.recio.trading.Trade;
import io.recio.trading.TradeDetail;
import io.recio.trading.TradeStatus;
import io.recio.trading.TradeUpdated;
import io.recio.trading.venue.ClientOrderIds;
import io.recio.trading.venue.OrderAction;
import io.recio.trading.venue.OrderOutcome;
import io.recio.trading.venue.TimeInForce;
import io.recio.trading.venue.VenueFill;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * REC.IO's trade_manager: a trade from intent to settlement. Every transition happens in ONE
 * transaction with its order and fill rows and a trade_log line, and only if the state machine
 * ({@link TradeStatus#canMoveTo}) allows it and the row is still in the state it was read in.
 */
@Service
public class TradeManager {

    private static final Logger log = LoggerFactory.getLogger(TradeManager.class);
    /** How long an idempotency key answers with its first trade. */
    public static final java.time.Duration IDEMPOTENCY_WINDOW = java.time.Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public TradeManager(JdbcClient jdbc, TransactionTemplate tx, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
    }

    /** What to open: a side of a strike, how many, the worst price, and what was known at the decision. */
    public record NewTrade(String userId, MarketTicker ticker, SpotPrice strike, Side side, Instant marketClose,
                           Count count, Price worstPrice, TimeInForce timeInForce, Double probability, Money edge,
                           Double momentum, SpotPrice spot, EntryMethod method) {
    }

    /** A trade with the order row just written for it, ready to send. */
    public record PlacedOrder(Trade trade, TradeOrder order) {
    }

    /** Records a PENDING trade and its entry order (attempt 1, status SENDING) before anything is sent. */
    public PlacedOrder open(NewTrade n) {
        return open(n, null);
    }

    /**
     * {@link #open(NewTrade)}, recording {@code idempotencyKey} (when not null) for the trade in the same
     * transaction; a key of the same user older than {@code IDEMPOTENCY_WINDOW} is forgotten first.
     */
    public PlacedOrder open(NewTrade n, String idempotencyKey) {
        return tx.execute(s -> {
            Instant now = clock.instant();
            String uid = UUID.randomUUID().toString();
            jdbc.sql("""
                    INSERT INTO trading.trade (uid, user_id, symbol, event_ticker, ticker, strike, side, status,
                      market_close, prob_at_entry, edge_at_entry, momentum_at_entry, spot_at_open, requested,
                      worst_entry_price, entry_method, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(uid, n.userId(), n.ticker().event().symbol().name(), n.ticker().event().toString(),
                            n.ticker().toString(), n.strike().units(), n.side().name(), ts(n.marketClose()),
                            n.probability(), n.edge() == null ? null : n.edge().units(), finite(n.momentum()),
                            n.spot() == null ? null : n.spot().units(), n.count().units(), n.worstPrice().units(),
                            n.method().name(), ts(now))
                    .update();
            long id = jdbc.sql("SELECT id FROM trading.trade WHERE uid = ?").param(uid).query(Long.class).single();
            TradeOrder order = insertOrder(id, uid, 1, OrderPurpose.ENTRY, n.ticker(), n.side(), OrderAction.BUY,
                    n.count(), n.worstPrice(), n.timeInForce(), false, now);
            if (idempotencyKey != null) {
                jdbc.sql("DELETE FROM trading.idempotency_key WHERE user_id = ? AND request_key = ?")
                        .params(n.userId(), idempotencyKey).update();
                jdbc.sql("INSERT INTO trading.idempotency_key (user_id, request_key, trade_id, created_at)"
                        + " VALUES (?, ?, ?, ?)").params(n.userId(), idempotencyKey, id, ts(now)).update();
            }
            logLine(id, null, TradeStatus.PENDING, n.method() + " entry: buy " + n.count() + " " + n.side() + " "
                    + n.ticker() + " at " + n.worstPrice() + " or better (" + n.timeInForce() + ", "
                    + order.clientOrderId() + ")", now);
            return new PlacedOrder(get(id).orElseThrow(), order);
        });
    }

    /**
     * Moves an OPEN trade to CLOSING and records its exit order: a reduce-only IOC sell of what is
     * still held at {@code worstPrice} or better.
     */
    public PlacedOrder beginClose(long tradeId, CloseMethod method, String reason, Price worstPrice) {
        return tx.execute(s -> {
            Instant now = clock.instant();
            Trade t = get(tradeId).orElseThrow(() -> new IllegalArgumentException("no trade " + tradeId));
            move(t, TradeStatus.CLOSING);
            jdbc.sql("UPDATE trading.trade SET close_method = ?, close_reason = ? WHERE id = ?")
                    .params(method.name(), truncate(reason, 300), tradeId).update();
            int attempt = jdbc.sql("SELECT COALESCE(MAX(attempt), 0) + 1 FROM trading.trade_order WHERE trade_id = ?")
                    .param(tradeId).query(Integer.class).single();
            TradeOrder order = insertOrder(tradeId, t.uid(), attempt, OrderPurpose.EXIT, t.ticker(), t.side(),
                    OrderAction.SELL, t.remaining(), worstPrice, TimeInForce.IOC, true, now);
            logLine(tradeId, t.status(), TradeStatus.CLOSING, method + " close (" + reason + "): sell "
                    + t.remaining() + " at " + worstPrice + " or better (IOC, reduce-only, " + order.clientOrderId()
                    + ")", now);
            return new PlacedOrder(get(tradeId).orElseThrow(), order);
        });
    }

    /**
     * Applies a definite or doubtful answer about an order to its trade: fills are recorded (each fill
     * id once), the order row resolved, the trade moved. An {@link OrderOutcome.Unknown} only marks the
     * order UNKNOWN with the time of its next lookup.
     */
    public Trade applyOutcome(long orderId, OrderOutcome outcome, Instant nextLookupAt) {
        return tx.execute(s -> {
            Instant now = clock.instant();
            TradeOrder order = order(orderId);
            Trade t = get(order.tradeId()).orElseThrow();
            switch (outcome) {
                case OrderOutcome.Unknown u -> {
                    jdbc.sql("UPDATE trading.trade_order SET status = 'UNKNOWN', reject_message = ?, next_lookup_at = ?"
                                    + " WHERE id = ? AND status IN ('SENDING', 'UNKNOWN')")
                            .params(truncate(u.reason(), 500), ts(nextLookupAt), orderId).update();
                    logLine(t.id(), t.status(), t.status(), "order " + order.clientOrderId() + " UNKNOWN ("
                            + u.reason() + "); no new order to " + t.ticker() + " until a lookup settles it", now);
                }
                case OrderOutcome.Rejected r -> {
                    resolveOrder(order, "REJECTED", null, 0, r.code(), r.message(), now);
                    afterNoFill(t, order, "rejected " + r.code() + ": " + r.message(), now);
                }
                case OrderOutcome.Accepted a -> {
                    recordFills(t.id(), order.id(), a.fills());
                    long filled = jdbc.sql("SELECT COALESCE(SUM(count), 0) FROM trading.trade_fill WHERE order_id = ?")
                            .param(orderId).query(Long.class).single();
                    resolveOrder(order, "ACCEPTED", a.venueOrderId(), filled, null, null, now);
                    if (filled == 0) {
                        afterNoFill(t, order, "no fill at " + order.worstPrice() + " or better", now);
                    } else {
                        afterFill(t, order, now);
                    }
                }
            }
            return get(t.id()).orElseThrow();
        });
    }

    /** Moves OPEN (and stuck CLOSING) trades whose market has closed to EXPIRED, noting spot at the close. */
    public int expire(Instant now, Function<Symbol, Optional<SpotPrice>> spot) {
        List<Trade> due = jdbc.sql("SELECT * FROM trading.trade WHERE status = 'OPEN' AND market_close <= ? ORDER BY id")
                .param(ts(now)).query(this::mapTrade).list();
        int n = 0;
        for (Trade t : due) {
            try {
                tx.executeWithoutResult(s -> {
                    move(t, TradeStatus.EXPIRED);
                    Long spotUnits = spot.apply(t.symbol()).map(SpotPrice::units).orElse(null);
                    jdbc.sql("UPDATE trading.trade SET spot_at_close = ?, close_method = 'EXPIRED' WHERE id = ?")
                            .params(spotUnits, t.id()).update();
                    logLine(t.id(), TradeStatus.OPEN, TradeStatus.EXPIRED, "market closed at " + t.marketClose()
                            + " holding " + t.remaining() + "; awaiting settlement", clock.instant());
                });
                n++;
            } catch (IllegalTransitionException e) {
                log.info("expiry skipped: {}", e.getMessage());
            }
        }
        return n;
    }

    /**
     * Settles every EXPIRED trade in the settled market with the real payout: $1 per held contract of
     * the winning side; the settlement fee is shared by contracts held (the remainder to the first trade).
     * Two passes may apply one settlement at once (the account sync's event, the reconciliation): the one that
     * commits second finds the trades settled, its transaction rolls back, and it settled nothing.
     *
     * @return how many trades this call settled
     */
    public int settle(SettlementNotice notice) {
        try {
            return settleExpired(notice);
        } catch (IllegalTransitionException e) {
            long stillExpired = jdbc.sql("SELECT COUNT(*) FROM trading.trade WHERE status = 'EXPIRED' AND ticker = ?")
                    .param(notice.ticker().toString()).query(Long.class).single();
            if (stillExpired > 0) {
                throw e;
            }
            log.debug("settlement of {} already applied by another pass", notice.ticker());
            return 0;
        }
    }

    private int settleExpired(SettlementNotice notice) {
        return tx.execute(s -> {
            Instant now = clock.instant();
            List<Trade> held = jdbc.sql("SELECT * FROM trading.trade WHERE status = 'EXPIRED' AND ticker = ? ORDER BY id")
                    .param(notice.ticker().toString()).query(this::mapTrade).list();
            long totalHeld = held.stream().mapToLong(t -> t.remaining().units()).sum();
            long feeLeft = notice.fee().units();
            for (int i = 0; i < held.size(); i++) {
                Trade t = held.get(i);
                long share = totalHeld == 0 ? 0
                        : Math.floorDiv(notice.fee().units() * t.remaining().units(), totalHeld);
                if (i == held.size() - 1) {
                    share = feeLeft;
                }
                feeLeft -= share;
                long payout = t.side() == notice.result() ? Money.cost(t.remaining(), Price.ONE).units() : 0;
                long fees = t.fees().units() + share;
                long pnl = pnl(payout, exitProceeds(t.id()), entryCost(t.id()), fees);
                move(t, TradeStatus.SETTLED);
                jdbc.sql("UPDATE trading.trade SET payout = ?, fees = ?, pnl = ?, result = ?, closed_at = ? WHERE id = ?")
                        .params(payout, fees, pnl, result(pnl), ts(now), t.id()).update();
                logLine(t.id(), TradeStatus.EXPIRED, TradeStatus.SETTLED, "settled " + notice.result() + ": payout "
                        + new Money(payout) + ", fees " + new Money(fees) + ", PnL " + new Money(pnl), now);
            }
            return held.size();
        });
    }

    /**
     * Reduces what a trade holds to what the venue says it holds (reconciliation): the difference counts as
     * closed at no price ({@code reconciled_contracts}), so the trade keeps its entry (contracts bought, at
     * what price); a trade left with nothing is CLOSED by the RECONCILED method with the reason and PnL.
     */
    public void reconcileDown(long tradeId, Count keep, String why) {
        tx.executeWithoutResult(s -> {
            Trade t = get(tradeId).orElseThrow();
            Instant now = clock.instant();
            long dropped = t.remaining().units() - keep.units();
            jdbc.sql("UPDATE trading.trade SET closed_contracts = closed_contracts + ?,"
                            + " reconciled_contracts = reconciled_contracts + ? WHERE id = ?")
                    .params(dropped, dropped, tradeId).update();
            String entry = t.entryPrice() == null ? "" : " (bought at " + t.entryPrice() + ")";
            if (keep.isZero()) {
                move(t, TradeStatus.CLOSED);
                long pnl = exitProceeds(tradeId) - entryCost(tradeId) - t.fees().units();
                jdbc.sql("UPDATE trading.trade SET close_method = 'RECONCILED', close_reason = ?, pnl = ?, result = ?,"
                                + " closed_at = ? WHERE id = ?")
                        .params(truncate(why, 300), pnl, pnl > 0 ? "WIN" : "LOSS", ts(now), tradeId).update();
                logLine(tradeId, t.status(), TradeStatus.CLOSED, "reconciled to the venue: the last "
                        + new Count(dropped) + " of " + t.contracts() + " contracts" + entry + " are no longer held ("
                        + why + "); closed with PnL " + new Money(pnl), now);
                return;
            }
            logLine(tradeId, t.status(), t.status(), "reconciled to the venue: " + new Count(dropped) + " of "
                    + t.contracts() + " contracts" + entry + " are no longer held (" + why + "); " + keep
                    + " still held", now);
        });
    }

    /** Records a position found at the venue with no trade behind it, as an OPEN EXTERNAL trade. */
    public Trade adopt(String userId, MarketTicker ticker, Side side, Count count, Price markPrice, Instant marketClose) {
        return tx.execute(s -> {
            Instant now = clock.instant();
            String uid = UUID.randomUUID().toString();
            jdbc.sql("""
                    INSERT INTO trading.trade (uid, user_id, symbol, event_ticker, ticker, strike, side, status,
                      market_close, requested, worst_entry_price, contracts, entry_cost, entry_price, entry_method,
                      created_at, opened_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, 'EXTERNAL', ?, ?)""")
                    .params(uid, userId, ticker.event().symbol().name(), ticker.event().toString(), ticker.toString(),
                            ticker.tokenValue().units(), side.name(), ts(marketClose), count.units(),
                            markPrice.units(), count.units(), Money.cost(count, markPrice).units(), markPrice.units(),
                            ts(now), ts(now))
                    .update();
            long id = jdbc.sql("SELECT id FROM trading.trade WHERE uid = ?").param(uid).query(Long.class).single();
            logLine(id, null, TradeStatus.OPEN, "adopted from the venue: " + count + " " + side + " " + ticker
                    + " with no local trade (cost basis taken at " + markPrice + ")", now);
            return get(id).orElseThrow();
        });
    }

    /** Notes (or clears) when an open trade's auto-stop condition was first seen, for the verification delay. */
    public void markStopPending(long tradeId, Instant since) {
        jdbc.sql("UPDATE trading.trade SET stop_pending_since = ? WHERE id = ?").params(ts(since), tradeId).update();
    }

    public Optional<Instant> stopPendingSince(long tradeId) {
        return jdbc.sql("SELECT stop_pending_since FROM trading.trade WHERE id = ?").param(tradeId)
                .query((rs, i) -> instant(rs.getTimestamp(1))).optional();
    }

    /** The trade entered with this user's idempotency key within the window, if any. */
    public Optional<Trade> byIdempotencyKey(String userId, String idempotencyKey) {
        return jdbc.sql("SELECT t.* FROM trading.trade t JOIN trading.idempotency_key k ON k.trade_id = t.id"
                        + " WHERE k.user_id = ? AND k.request_key = ? AND k.created_at > ?")
                .params(userId, idempotencyKey, ts(clock.instant().minus(IDEMPOTENCY_WINDOW)))
                .query(this::mapTrade).optional();
    }

    public Optional<Trade> get(long id) {
        return jdbc.sql("SELECT * FROM trading.trade WHERE id = ?").param(id).query(this::mapTrade).optional();
    }

    public List<Trade> withStatus(TradeStatus status) {
        return jdbc.sql("SELECT * FROM trading.trade WHERE status = ? ORDER BY id").param(status.name())
                .query(this::mapTrade).list();
    }

    public List<Trade> recent(int limit) {
        return jdbc.sql("SELECT * FROM trading.trade ORDER BY id DESC LIMIT ?").param(limit).query(this::mapTrade).list();
    }

    /** Trades that may hold contracts (OPEN, CLOSING, EXPIRED) or are about to (PENDING). */
    public List<Trade> live() {
        return jdbc.sql("SELECT * FROM trading.trade WHERE status IN ('PENDING','OPEN','CLOSING','EXPIRED') ORDER BY id")
                .query(this::mapTrade).list();
    }

    public TradeOrder order(long orderId) {
        return jdbc.sql("SELECT * FROM trading.trade_order WHERE id = ?").param(orderId).query(this::mapOrder).single();
    }

    public List<TradeOrder> orders(long tradeId) {
        return jdbc.sql("SELECT * FROM trading.trade_order WHERE trade_id = ? ORDER BY attempt").param(tradeId)
                .query(this::mapOrder).list();
    }

    public Optional<TradeOrder> orderByClientId(String clientOrderId) {
        return jdbc.sql("SELECT * FROM trading.trade_order WHERE client_order_id = ?").param(clientOrderId)
                .query(this::mapOrder).optional();
    }

    public Optional<TradeOrder> orderByVenueId(String venueOrderId) {
        return jdbc.sql("SELECT * FROM trading.trade_order WHERE venue_order_id = ?").param(venueOrderId)
                .query(this::mapOrder).optional();
    }

    /** Orders whose fate is not known (written but unanswered, or answered with doubt). */
    public List<TradeOrder> unresolvedOrders() {
        return jdbc.sql("SELECT * FROM trading.trade_order WHERE status IN ('SENDING','UNKNOWN') ORDER BY id")
                .query(this::mapOrder).list();
    }

    /** Whether an order to {@code ticker} is unresolved: then no new order may go there. */
    public boolean marketBlocked(MarketTicker ticker) {
        return jdbc.sql("SELECT COUNT(*) FROM trading.trade_order WHERE ticker = ? AND status IN ('SENDING','UNKNOWN')")
                .param(ticker.toString()).query(Long.class).single() > 0;
    }

    /** Records a failed lookup and when to try again. */
    public void lookupFailed(long orderId, Instant nextLookupAt) {
        jdbc.sql("UPDATE trading.trade_order SET lookups = lookups + 1, next_lookup_at = ? WHERE id = ?")
                .params(ts(nextLookupAt), orderId).update();
    }

    /** The fill ids already recorded. */
    public boolean hasFill(String fillId) {
        return jdbc.sql("SELECT COUNT(*) FROM trading.trade_fill WHERE fill_id = ?").param(fillId)
                .query(Long.class).single() > 0;
    }

    /** Realized PnL of trades that became final since {@code since}. */
    public Money realizedSince(Instant since) {
        return new Money(jdbc.sql("SELECT COALESCE(SUM(pnl), 0) FROM trading.trade WHERE closed_at >= ? AND pnl IS NOT NULL")
                .param(ts(since)).query(Long.class).single());
    }

    /** One line in the trade log (also for events with no trade, such as risk blocks). */
    public void logLine(Long tradeId, TradeStatus from, TradeStatus to, String message, Instant at) {
        jdbc.sql("INSERT INTO trading.trade_log (trade_id, from_status, to_status, message, logged_at) VALUES (?, ?, ?, ?, ?)")
                .params(tradeId, from == null ? null : from.name(), to == null ? null : to.name(),
                        truncate(message, 1000), ts(at))
                .update();
        log.info("trade {}: {}", tradeId == null ? "-" : tradeId, message);
        if (tradeId != null) {
            announce(tradeId, from, to, message);
        }
    }

    /** Publishes {@link TradeUpdated} once the line's transaction commits (at once when there is none). */
    private void announce(long tradeId, TradeStatus from, TradeStatus to, String message) {
        Runnable publish = () -> get(tradeId).ifPresent(t -> events.publishEvent(new TradeUpdated(t, from,
                to == null ? t.status() : to, message, hasUnknownOrder(tradeId))));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish.run();
                }
            });
        } else {
            publish.run();
        }
    }

    /** Whether an order of the trade has an UNKNOWN outcome (it may or may not have filled). */
    private boolean hasUnknownOrder(long tradeId) {
        return jdbc.sql("SELECT COUNT(*) FROM trading.trade_order WHERE trade_id = ? AND status = 'UNKNOWN'")
                .param(tradeId).query(Long.class).single() > 0;
    }

    /** The trade log of one trade, oldest first. */
    public List<TradeDetail.LogLine> logOf(long tradeId) {
        return jdbc.sql("SELECT from_status, to_status, message, logged_at FROM trading.trade_log WHERE trade_id = ?"
                        + " ORDER BY id").param(tradeId)
                .query((rs, n) -> new TradeDetail.LogLine(instant(rs.getTimestamp("logged_at")),
                        status(rs.getString("from_status")), status(rs.getString("to_status")), rs.getString("message")))
                .list();
    }

    private static TradeStatus status(String s) {
        return s == null ? null : TradeStatus.valueOf(s);
    }

    private void afterNoFill(Trade t, TradeOrder order, String why, Instant now) {
        if (order.purpose() == OrderPurpose.ENTRY) {
            move(t, TradeStatus.REJECTED);
            jdbc.sql("UPDATE trading.trade SET reject_reason = ?, closed_at = ? WHERE id = ?")
                    .params(truncate(why, 500), ts(now), t.id()).update();
            logLine(t.id(), t.status(), TradeStatus.REJECTED, "entry " + why, now);
        } else if (t.status() == TradeStatus.CLOSING) {
            move(t, TradeStatus.OPEN);
            logLine(t.id(), TradeStatus.CLOSING, TradeStatus.OPEN, "exit " + why + "; still holding " + t.remaining(), now);
        }
    }

    private void afterFill(Trade t, TradeOrder order, Instant now) {
        long contracts = sumFills(t.id(), OrderPurpose.ENTRY, "f.count");
        long cost = entryCost(t.id());
        long sold = sumFills(t.id(), OrderPurpose.EXIT, "f.count");
        long closed = sold + jdbc.sql("SELECT reconciled_contracts FROM trading.trade WHERE id = ?").param(t.id())
                .query(Long.class).single();
        long proceeds = exitProceeds(t.id());
        long fees = jdbc.sql("SELECT COALESCE(SUM(fee), 0) FROM trading.trade_fill WHERE trade_id = ?")
                .param(t.id()).query(Long.class).single();
        Long entryPrice = averagePrice(cost, contracts);
        Long exitPrice = averagePrice(proceeds, sold);
        jdbc.sql("""
                UPDATE trading.trade SET contracts = ?, entry_cost = ?, entry_price = ?, closed_contracts = ?,
                  exit_proceeds = ?, exit_price = ?, fees = ? WHERE id = ?""")
                .params(contracts, cost, entryPrice, closed, proceeds, exitPrice, fees, t.id()).update();
        if (order.purpose() == OrderPurpose.ENTRY) {
            if (t.status() == TradeStatus.PENDING) {
                move(t, TradeStatus.OPEN);
                jdbc.sql("UPDATE trading.trade SET opened_at = ? WHERE id = ?").params(ts(now), t.id()).update();
            }
            logLine(t.id(), t.status(), TradeStatus.OPEN, "entry filled " + new Count(contracts) + " of "
                    + t.requested() + " at " + new Price(entryPrice) + ", fees " + new Money(fees), now);
            return;
        }
        if (closed >= contracts) {
            long pnl = pnl(0, proceeds, cost, fees);
            if (t.status() != TradeStatus.CLOSED) {
                move(t, TradeStatus.CLOSED);
            }
            jdbc.sql("UPDATE trading.trade SET pnl = ?, result = ?, closed_at = ? WHERE id = ?")
                    .params(pnl, result(pnl), ts(now), t.id()).update();
            logLine(t.id(), t.status(), TradeStatus.CLOSED, "exit filled at " + new Price(exitPrice) + ": PnL "
                    + new Money(pnl) + " after fees " + new Money(fees), now);
        } else if (t.status() == TradeStatus.CLOSING) {
            move(t, TradeStatus.OPEN);
            logLine(t.id(), TradeStatus.CLOSING, TradeStatus.OPEN, "exit filled " + new Count(closed) + " of "
                    + new Count(contracts) + "; still holding " + new Count(contracts - closed), now);
        }
    }

    private void recordFills(long tradeId, long orderId, List<VenueFill> fills) {
        for (VenueFill f : fills) {
            if (!hasFill(f.fillId())) {
                jdbc.sql("INSERT INTO trading.trade_fill (trade_id, order_id, fill_id, count, price, fee, filled_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(tradeId, orderId, f.fillId(), f.count().units(), f.price().units(), f.fee().units(),
                                ts(f.at()))
                        .update();
            }
        }
    }

    private long sumFills(long tradeId, OrderPurpose purpose, String expression) {
        return jdbc.sql("SELECT COALESCE(SUM(" + expression + "), 0) FROM trading.trade_fill f JOIN trading.trade_order o"
                        + " ON o.id = f.order_id WHERE f.trade_id = ? AND o.purpose = ?")
                .params(tradeId, purpose.name()).query(Long.class).single();
    }

    private long entryCost(long tradeId) {
        return fillsOf(tradeId, OrderPurpose.ENTRY).stream().mapToLong(f -> Money.cost(f.count(), f.price()).units()).sum()
                + jdbc.sql("SELECT CASE WHEN entry_method = 'EXTERNAL' THEN entry_cost ELSE 0 END FROM trading.trade WHERE id = ?")
                .param(tradeId).query(Long.class).single();
    }

    private long exitProceeds(long tradeId) {
        return fillsOf(tradeId, OrderPurpose.EXIT).stream().mapToLong(f -> Money.cost(f.count(), f.price()).units()).sum();
    }

    private List<VenueFill> fillsOf(long tradeId, OrderPurpose purpose) {
        return jdbc.sql("SELECT f.* FROM trading.trade_fill f JOIN trading.trade_order o ON o.id = f.order_id"
                        + " WHERE f.trade_id = ? AND o.purpose = ? ORDER BY f.id")
                .params(tradeId, purpose.name())
                .query((rs, i) -> new VenueFill(rs.getString("fill_id"), new Count(rs.getLong("count")),
                        new Price(rs.getLong("price")), new Money(rs.getLong("fee")), instant(rs.getTimestamp("filled_at"))))
                .list();
    }

    private void resolveOrder(TradeOrder order, String status, String venueOrderId, long filled, String code,
                              String message, Instant now) {
        jdbc.sql("UPDATE trading.trade_order SET status = ?, venue_order_id = COALESCE(?, venue_order_id), filled = ?, reject_code = ?,"
                        + " reject_message = ?, resolved_at = ?, next_lookup_at = NULL WHERE id = ?")
                .params(status, venueOrderId, filled, truncate(code, 64), truncate(message, 500), ts(now), order.id())
                .update();
    }

    /** The guarded write of a transition: allowed by the state machine and the row still as read. */
    private void move(Trade t, TradeStatus to) {
        if (!t.status().canMoveTo(to)) {
            throw new IllegalTransitionException(t.id(), t.status(), to);
        }
        int n = jdbc.sql("UPDATE trading.trade SET status = ? WHERE id = ? AND status = ?")
                .params(to.name(), t.id(), t.status().name()).update();
        if (n != 1) {
            throw new IllegalTransitionException(t.id(), t.status(), to);
        }
    }

    private TradeOrder insertOrder(long tradeId, String uid, int attempt, OrderPurpose purpose, MarketTicker ticker,
                                   Side side, OrderAction action, Count count, Price worst, TimeInForce tif,
                                   boolean reduceOnly, Instant now) {
        String clientOrderId = ClientOrderIds.of(uid, attempt);
        jdbc.sql("""
                INSERT INTO trading.trade_order (trade_id, client_order_id, attempt, purpose, ticker, side, action,
                  count, worst_price, time_in_force, reduce_only, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENDING', ?)""")
                .params(tradeId, clientOrderId, attempt, purpose.name(), ticker.toString(), side.name(), action.name(),
                        count.units(), worst.units(), tif.name(), reduceOnly, ts(now))
                .update();
        return orderByClientId(clientOrderId).orElseThrow();
    }

    Trade mapTrade(ResultSet rs, int row) throws SQLException {
        return new Trade(rs.getLong("id"), rs.getString("uid"), rs.getString("user_id"),
                MarketTicker.parse(rs.getString("ticker")), new SpotPrice(rs.getLong("strike")),
                Side.valueOf(rs.getString("side")), TradeStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("market_close")), (Double) rs.getObject("prob_at_entry", Double.class),
                money(rs, "edge_at_entry"), rs.getObject("momentum_at_entry", Double.class),
                spot(rs, "spot_at_open"), spot(rs, "spot_at_close"), new Count(rs.getLong("requested")),
                new Price(rs.getLong("worst_entry_price")), new Count(rs.getLong("contracts")),
                price(rs, "entry_price"), new Count(rs.getLong("closed_contracts")), price(rs, "exit_price"),
                new Money(rs.getLong("fees")), money(rs, "payout"), money(rs, "pnl"), rs.getString("result"),
                EntryMethod.valueOf(rs.getString("entry_method")),
                rs.getString("close_method") == null ? null : CloseMethod.valueOf(rs.getString("close_method")),
                rs.getString("close_reason"), rs.getString("reject_reason"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("opened_at")), instant(rs.getTimestamp("closed_at")));
    }

    private TradeOrder mapOrder(ResultSet rs, int row) throws SQLException {
        return new TradeOrder(rs.getLong("id"), rs.getLong("trade_id"), rs.getString("client_order_id"),
                rs.getInt("attempt"), OrderPurpose.valueOf(rs.getString("purpose")),
                MarketTicker.parse(rs.getString("ticker")), Side.valueOf(rs.getString("side")),
                OrderAction.valueOf(rs.getString("action")), new Count(rs.getLong("count")),
                new Price(rs.getLong("worst_price")), TimeInForce.valueOf(rs.getString("time_in_force")),
                rs.getBoolean("reduce_only"), OrderStatus.valueOf(rs.getString("status")), rs.getInt("lookups"),
                instant(rs.getTimestamp("next_lookup_at")), instant(rs.getTimestamp("created_at")));
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        Long v = rs.getObject(column, Long.class);
        return v == null ? null : new Money(v);
    }

    private static Price price(ResultSet rs, String column) throws SQLException {
        Long v = rs.getObject(column, Long.class);
        return v == null ? null : new Price(v);
    }

    private static SpotPrice spot(ResultSet rs, String column) throws SQLException {
        Long v = rs.getObject(column, Long.class);
        return v == null ? null : new SpotPrice(v);
    }

    /** A trade's realized PnL in $0.0001: payout plus exit proceeds less entry cost and every fee. */
    public static long pnl(long payout, long exitProceeds, long entryCost, long fees) {
        return payout + exitProceeds - entryCost - fees;
    }

    /** WIN for a positive PnL, LOSS otherwise. */
    public static String result(long pnl) {
        return pnl > 0 ? "WIN" : "LOSS";
    }

    /** The average fill price ($0.0001) of {@code contracts} (1/100s) that cost {@code money}; null for none. */
    public static Long averagePrice(long money, long contracts) {
        return contracts == 0 ? null : Math.round(money * (double) Count.ONE_CONTRACT / contracts);
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Double finite(Double d) {
        return d == null || !Double.isFinite(d) ? null : d;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
