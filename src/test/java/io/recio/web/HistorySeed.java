package io.recio.web;

import io.recio.market.EventTicker;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A history of finished trades written straight into {@code trading} (each with its entry and exit order, fills and
 * log lines), so pages can be measured and looked at with a realistic number of trades. Seeded trades have uids
 * starting with {@code seed-}; seeding twice adds nothing.
 */
final class HistorySeed {

    private HistorySeed() {
    }

    static synchronized void ensure(JdbcClient jdbc, int count, List<String> users, Instant now) {
        long present = jdbc.sql("SELECT COUNT(*) FROM trading.trade WHERE uid LIKE 'seed-%'").query(Long.class).single();
        Random random = new Random(7);
        for (int i = (int) present; i < count; i++) {
            String user = users.get(i % 5 == 0 ? 1 % users.size() : 0);
            Symbol symbol = i % 3 == 0 ? Symbol.ETH : Symbol.BTC;
            Instant close = EventTicker.nextClose(now.minus(Duration.ofMinutes(30L * (count - i) + 90)));
            long spot = symbol == Symbol.BTC ? 94_000_0000L : 3_100_0000L;
            long step = symbol == Symbol.BTC ? 100_0000L : 20_0000L;
            long strike = spot + (random.nextInt(11) - 5) * step - 100;
            MarketTicker ticker = MarketTicker.threshold(EventTicker.aboveBelow(symbol, close), new SpotPrice(strike));
            boolean yes = random.nextBoolean();
            long entry = 8_000 + random.nextInt(19) * 100;
            boolean win = random.nextDouble() < 0.8;
            long exit = win ? Math.min(9_900, entry + 100 + random.nextInt(6) * 100) : Math.max(100, entry - 2_000);
            long contracts = 100L * (1 + random.nextInt(3));
            long fees = (fee(contracts, entry) + fee(contracts, exit)) * 100;
            long pnl = (exit - entry) * contracts / 100 - fees;
            String method = i % 4 == 0 ? "MANUAL" : "AUTO";
            Instant created = close.minus(Duration.ofSeconds(120 + random.nextInt(780)));
            Instant closed = created.plus(Duration.ofSeconds(60 + random.nextInt(300)));
            String uid = "seed-" + i;
            jdbc.sql("""
                    INSERT INTO trading.trade (uid, user_id, symbol, event_ticker, ticker, strike, side, status,
                      market_close, prob_at_entry, edge_at_entry, spot_at_open, requested, worst_entry_price, contracts,
                      entry_cost, entry_price, closed_contracts, exit_proceeds, exit_price, fees, pnl, result,
                      entry_method, close_method, close_reason, created_at, opened_at, closed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'CLOSED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(uid, user, symbol.name(), ticker.event().toString(), ticker.toString(), strike,
                            yes ? "YES" : "NO", ts(close), 0.80 + random.nextDouble() * 0.19, 100L + random.nextInt(400),
                            spot, contracts, entry, contracts, entry * contracts / 100, entry, contracts,
                            exit * contracts / 100, exit, fees, pnl, pnl > 0 ? "WIN" : "LOSS", method,
                            win ? "MANUAL" : "AUTO", win ? "closed by " + user : "auto-stop: probability below 40",
                            ts(created), ts(created.plusSeconds(1)), ts(closed))
                    .update();
            long id = jdbc.sql("SELECT id FROM trading.trade WHERE uid = ?").param(uid).query(Long.class).single();
            long entryOrder = order(jdbc, id, uid, 1, "ENTRY", "BUY", ticker, yes, contracts, entry, created);
            long exitOrder = order(jdbc, id, uid, 2, "EXIT", "SELL", ticker, yes, contracts, exit, closed);
            fill(jdbc, id, entryOrder, uid + "-f1", contracts, entry, fee(contracts, entry) * 100, created.plusSeconds(1));
            fill(jdbc, id, exitOrder, uid + "-f2", contracts, exit, fee(contracts, exit) * 100, closed);
            log(jdbc, id, null, "PENDING", method + " entry: buy " + contracts / 100 + " at " + entry / 100 + "¢", created);
            log(jdbc, id, "PENDING", "OPEN", "entry filled", created.plusSeconds(1));
            log(jdbc, id, "OPEN", "CLOSING", "close", closed);
            log(jdbc, id, "CLOSING", "CLOSED", "exit filled: PnL " + new Money(pnl), closed);
        }
    }

    /** Kalshi's taker fee of one order in cents: 7 % of C·P·(1−P), rounded up. */
    private static long fee(long contractUnits, long priceUnits) {
        double p = priceUnits / 10_000.0;
        return (long) Math.ceil(7 * (contractUnits / 100.0) * p * (1 - p) - 1e-9);
    }

    /** The newest seeded trade of a user. */
    static long newestOf(JdbcClient jdbc, String user) {
        return jdbc.sql("SELECT MAX(id) FROM trading.trade WHERE uid LIKE 'seed-%' AND user_id = ?").param(user)
                .query(Long.class).single();
    }

    private static long order(JdbcClient jdbc, long tradeId, String uid, int attempt, String purpose, String action,
                              MarketTicker ticker, boolean yes, long count, long price, Instant at) {
        String clientId = uid + "-" + attempt;
        jdbc.sql("""
                INSERT INTO trading.trade_order (trade_id, client_order_id, attempt, purpose, ticker, side, action, count,
                  worst_price, time_in_force, reduce_only, status, venue_order_id, filled, created_at, resolved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'IOC', ?, 'ACCEPTED', ?, ?, ?, ?)""")
                .params(tradeId, clientId, attempt, purpose, ticker.toString(), yes ? "YES" : "NO", action, count, price,
                        attempt > 1, "venue-" + clientId, count, ts(at), ts(at))
                .update();
        return jdbc.sql("SELECT id FROM trading.trade_order WHERE client_order_id = ?").param(clientId)
                .query(Long.class).single();
    }

    private static void fill(JdbcClient jdbc, long tradeId, long orderId, String fillId, long count, long price, long fee,
                             Instant at) {
        jdbc.sql("INSERT INTO trading.trade_fill (trade_id, order_id, fill_id, count, price, fee, filled_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(tradeId, orderId, fillId, count, price, fee, ts(at)).update();
    }

    private static void log(JdbcClient jdbc, long tradeId, String from, String to, String message, Instant at) {
        jdbc.sql("INSERT INTO trading.trade_log (trade_id, from_status, to_status, message, logged_at) VALUES (?, ?, ?, ?, ?)")
                .params(tradeId, from, to, message, ts(at)).update();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
