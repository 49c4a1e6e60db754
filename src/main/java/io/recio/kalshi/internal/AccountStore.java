package io.recio.kalshi.internal;

import io.recio.kalshi.BookSide;
import io.recio.kalshi.KalshiBalance;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiPosition;
import io.recio.kalshi.KalshiSettlement;
import io.recio.kalshi.OrderStatus;
import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code trading} mirror of the Kalshi account. Every write is idempotent: fills by trade id, settlements by
 * ticker and settled time (insert if absent), positions, balances and orders upserted by their key. "Insert if
 * absent" is a look-up then a plain insert whose duplicate-key failure (a race between the socket and the REST
 * pass) also means "already there"; it runs the same on PostgreSQL and H2.
 */
@Repository
public class AccountStore {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a fill; answers whether it was new. */
    public boolean addFill(KalshiFill f, String source, Instant now) {
        if (exists("SELECT COUNT(*) FROM trading.fill WHERE trade_id = ?", f.tradeId())) {
            return false;
        }
        return insertIfAbsent(() -> jdbc.sql("""
                INSERT INTO trading.fill (trade_id, order_id, ticker, outcome_side, book_side, count, yes_price,
                    is_taker, fee, exchange_index, filled_at, source, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.tradeId(), f.orderId(), f.ticker(), f.outcomeSide().wire(), f.bookSide().wire(),
                        f.count().units(), f.yesPrice().units(), f.taker(), f.fee().units(), f.exchangeIndex(),
                        ts(f.at()), source, ts(now))
                .update());
    }

    /** Records a settlement; answers whether it was new. */
    public boolean addSettlement(KalshiSettlement s, Instant now) {
        if (jdbc.sql("SELECT COUNT(*) FROM trading.settlement WHERE ticker = ? AND settled_at = ?")
                .params(s.ticker(), ts(s.settledAt())).query(Long.class).single() > 0) {
            return false;
        }
        return insertIfAbsent(() -> jdbc.sql("""
                INSERT INTO trading.settlement (ticker, event_ticker, market_result, yes_count, yes_total_cost,
                    no_count, no_total_cost, revenue, fee, settled_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.ticker(), s.eventTicker(), s.result(), s.yesCount().units(), s.yesTotalCost().units(),
                        s.noCount().units(), s.noTotalCost().units(), s.revenue().units(), s.fee().units(),
                        ts(s.settledAt()), ts(now))
                .update());
    }

    /** Upserts a position; answers whether it differs from the stored one. */
    @Transactional
    public boolean putPosition(KalshiPosition p, Instant now) {
        Instant updated = p.updatedAt().equals(Instant.EPOCH) ? now : p.updatedAt();
        int changed = jdbc.sql("""
                UPDATE trading.position SET position = ?, exposure = ?, realized_pnl = ?, fees_paid = ?,
                    updated_at = ?, observed_at = ?
                WHERE ticker = ? AND (position <> ? OR exposure <> ? OR realized_pnl <> ? OR fees_paid <> ?)""")
                .params(p.position().units(), p.exposure().units(), p.realizedPnl().units(), p.feesPaid().units(),
                        ts(updated), ts(now), p.ticker(), p.position().units(), p.exposure().units(),
                        p.realizedPnl().units(), p.feesPaid().units())
                .update();
        if (changed == 1) {
            return true;
        }
        if (exists("SELECT COUNT(*) FROM trading.position WHERE ticker = ?", p.ticker())) {
            return false;
        }
        return insertIfAbsent(() -> jdbc.sql("""
                INSERT INTO trading.position (ticker, position, exposure, realized_pnl, fees_paid, updated_at,
                    observed_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(p.ticker(), p.position().units(), p.exposure().units(), p.realizedPnl().units(),
                        p.feesPaid().units(), ts(updated), ts(now))
                .update());
    }

    /**
     * Removes every position whose ticker is not in {@code reported} (the exchange's whole list), so the
     * mirror holds exactly what the exchange holds; answers the tickers removed that still held contracts.
     */
    @Transactional
    public List<String> dropPositionsExcept(java.util.Set<String> reported) {
        List<String> held = new java.util.ArrayList<>();
        jdbc.sql("SELECT ticker, position FROM trading.position ORDER BY ticker").query((rs, n) -> {
            String ticker = rs.getString(1);
            if (!reported.contains(ticker)) {
                jdbc.sql("DELETE FROM trading.position WHERE ticker = ?").param(ticker).update();
                if (rs.getLong(2) != 0) {
                    held.add(ticker);
                }
            }
            return ticker;
        }).list();
        return held;
    }

    /** Upserts the balance (total as shard -1 and each shard); answers whether the total changed. */
    @Transactional
    public boolean putBalance(KalshiBalance b, Instant now) {
        boolean changed = putShard(-1, b.available(), b.portfolioValue(), b.updatedAt(), now);
        b.byShard().forEach((shard, money) -> putShard(shard, money, Money.ZERO, b.updatedAt(), now));
        return changed;
    }

    private boolean putShard(int shard, Money available, Money portfolio, Instant updated, Instant now) {
        Long before = jdbc.sql("SELECT available FROM trading.balance WHERE exchange_index = ?").param(shard)
                .query(Long.class).optional().orElse(null);
        if (before == null) {
            jdbc.sql("""
                    INSERT INTO trading.balance (exchange_index, available, portfolio_value, updated_at, observed_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(shard, available.units(), portfolio.units(), ts(updated), ts(now)).update();
            return true;
        }
        jdbc.sql("""
                UPDATE trading.balance SET available = ?, portfolio_value = ?, updated_at = ?, observed_at = ?
                WHERE exchange_index = ?""")
                .params(available.units(), portfolio.units(), ts(updated), ts(now), shard).update();
        return before != available.units();
    }

    /** Upserts an order; answers whether it is new or changed. */
    @Transactional
    public boolean putOrder(KalshiOrder o, Instant now) {
        int changed = jdbc.sql("""
                UPDATE trading.exchange_order SET status = ?, fill_count = ?, remaining_count = ?, taker_fees = ?,
                    maker_fees = ?, taker_fill_cost = ?, maker_fill_cost = ?, updated_at = ?, observed_at = ?
                WHERE order_id = ? AND (status <> ? OR fill_count <> ? OR remaining_count <> ?)""")
                .params(o.status().name().toLowerCase(Locale.ROOT), o.fillCount().units(), o.remainingCount().units(),
                        o.takerFees().units(), o.makerFees().units(), o.takerFillCost().units(),
                        o.makerFillCost().units(), ts(o.updatedAt()), ts(now), o.orderId(),
                        o.status().name().toLowerCase(Locale.ROOT), o.fillCount().units(), o.remainingCount().units())
                .update();
        if (changed == 1) {
            return true;
        }
        if (exists("SELECT COUNT(*) FROM trading.exchange_order WHERE order_id = ?", o.orderId())) {
            return false;
        }
        return insertIfAbsent(() -> jdbc.sql("""
                INSERT INTO trading.exchange_order (order_id, client_order_id, ticker, outcome_side, book_side, status,
                    yes_price, initial_count, fill_count, remaining_count, taker_fees, maker_fees, taker_fill_cost,
                    maker_fill_cost, created_at, updated_at, observed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.orderId(), o.clientOrderId(), o.ticker(), o.outcomeSide().wire(), o.bookSide().wire(),
                        o.status().name().toLowerCase(Locale.ROOT), o.yesPrice().units(), o.initialCount().units(),
                        o.fillCount().units(), o.remainingCount().units(), o.takerFees().units(),
                        o.makerFees().units(), o.takerFillCost().units(), o.makerFillCost().units(),
                        ts(o.createdAt()), ts(o.updatedAt()), ts(now))
                .update());
    }

    private boolean exists(String countSql, Object key) {
        return jdbc.sql(countSql).param(key).query(Long.class).single() > 0;
    }

    private static boolean insertIfAbsent(java.util.function.IntSupplier insert) {
        try {
            return insert.getAsInt() == 1;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    /** The stored balance: the total and each shard. */
    public KalshiBalance balance() {
        Map<Integer, Money> shards = new LinkedHashMap<>();
        Money[] total = {Money.ZERO, Money.ZERO};
        Instant[] updated = {Instant.EPOCH};
        jdbc.sql("SELECT exchange_index, available, portfolio_value, updated_at FROM trading.balance "
                + "ORDER BY exchange_index").query((rs, n) -> {
                    int shard = rs.getInt(1);
                    if (shard < 0) {
                        total[0] = new Money(rs.getLong(2));
                        total[1] = new Money(rs.getLong(3));
                        updated[0] = rs.getTimestamp(4).toInstant();
                    } else {
                        shards.put(shard, new Money(rs.getLong(2)));
                    }
                    return shard;
                }).list();
        return new KalshiBalance(total[0], total[1], shards, updated[0]);
    }

    public List<KalshiPosition> openPositions() {
        return jdbc.sql("SELECT ticker, position, exposure, realized_pnl, fees_paid, updated_at FROM trading.position "
                        + "WHERE position <> 0 ORDER BY ticker")
                .query((rs, n) -> new KalshiPosition(rs.getString(1), new Count(rs.getLong(2)),
                        new Money(rs.getLong(3)), new Money(rs.getLong(4)), new Money(rs.getLong(5)),
                        rs.getTimestamp(6).toInstant())).list();
    }

    public List<KalshiOrder> restingOrders() {
        return jdbc.sql("SELECT * FROM trading.exchange_order WHERE status = 'resting' ORDER BY created_at")
                .query((rs, n) -> order(rs)).list();
    }

    /** The newest fills, at most {@code limit}. */
    public List<KalshiFill> fills(int limit) {
        return jdbc.sql("SELECT * FROM trading.fill ORDER BY filled_at DESC, trade_id LIMIT ?").param(limit)
                .query((rs, n) -> new KalshiFill(rs.getString("trade_id"), rs.getString("order_id"),
                        rs.getString("ticker"), Side.parse(rs.getString("outcome_side")),
                        BookSide.parse(rs.getString("book_side")), new Count(rs.getLong("count")),
                        new Price(rs.getLong("yes_price")), rs.getBoolean("is_taker"), new Money(rs.getLong("fee")),
                        rs.getTimestamp("filled_at").toInstant(), rs.getInt("exchange_index"))).list();
    }

    /** The newest settlements, at most {@code limit}. */
    public List<KalshiSettlement> settlements(int limit) {
        return jdbc.sql("SELECT * FROM trading.settlement ORDER BY settled_at DESC, ticker LIMIT ?").param(limit)
                .query((rs, n) -> new KalshiSettlement(rs.getString("ticker"), rs.getString("event_ticker"),
                        rs.getString("market_result"), new Count(rs.getLong("yes_count")),
                        new Money(rs.getLong("yes_total_cost")), new Count(rs.getLong("no_count")),
                        new Money(rs.getLong("no_total_cost")), new Money(rs.getLong("revenue")),
                        new Money(rs.getLong("fee")), rs.getTimestamp("settled_at").toInstant())).list();
    }

    private static KalshiOrder order(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        Timestamp updated = rs.getTimestamp("updated_at");
        return new KalshiOrder(rs.getString("order_id"), rs.getString("client_order_id"), rs.getString("ticker"),
                Side.parse(rs.getString("outcome_side")), BookSide.parse(rs.getString("book_side")),
                OrderStatus.parse(rs.getString("status")), new Price(rs.getLong("yes_price")),
                new Count(rs.getLong("initial_count")), new Count(rs.getLong("fill_count")),
                new Count(rs.getLong("remaining_count")), new Money(rs.getLong("taker_fees")),
                new Money(rs.getLong("maker_fees")), new Money(rs.getLong("taker_fill_cost")),
                new Money(rs.getLong("maker_fill_cost")), created == null ? null : created.toInstant(),
                updated == null ? null : updated.toInstant());
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
