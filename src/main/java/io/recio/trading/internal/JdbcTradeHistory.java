package io.recio.trading.internal;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.trading.EntryMethod;
import io.recio.trading.Trade;
import io.recio.trading.TradeDetail;
import io.recio.trading.TradeFilter;
import io.recio.trading.TradeHistory;
import io.recio.trading.TradePage;
import io.recio.trading.TradeStatus;
import io.recio.trading.TradeSummary;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The History's queries over {@code trading.trade} and its orders, fills and log. */
@Repository
class JdbcTradeHistory implements TradeHistory {

    /** Probability bands of the breakdown, in percent: each label covers [lower, next lower). */
    private static final double[] PROBABILITY_BANDS = {0, 80, 90, 95, 98};
    private static final String[] PROBABILITY_LABELS = {"< 80 %", "80–90 %", "90–95 %", "95–98 %", "≥ 98 %"};
    /** Minutes-before-the-close bands of the breakdown: each label covers [lower, next lower). */
    private static final long[] MINUTE_BANDS = {0, 2, 5, 10, 15, 30, 60};
    private static final String[] MINUTE_LABELS = {"< 2 min", "2–5 min", "5–10 min", "10–15 min", "15–30 min",
            "30–60 min", "≥ 60 min"};

    private final JdbcClient jdbc;
    private final TradeManager trades;

    JdbcTradeHistory(JdbcClient jdbc, TradeManager trades) {
        this.jdbc = jdbc;
        this.trades = trades;
    }

    /** A WHERE clause and its named parameters. */
    private record Where(String sql, MapSqlParameterSource params) {

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            // One by one: the page query adds its own limit and offset, and JdbcClient takes either a source or names.
            for (String name : params.getParameterNames()) {
                spec = spec.param(name, params.getValue(name));
            }
            return spec;
        }
    }

    private static Where where(TradeFilter f) {
        List<String> terms = new ArrayList<>();
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (f.owner() != null) {
            terms.add("user_id = :owner");
            p.addValue("owner", f.owner());
        }
        if (f.symbol() != null) {
            terms.add("symbol = :symbol");
            p.addValue("symbol", f.symbol().name());
        }
        if (f.side() != null) {
            terms.add("side = :side");
            p.addValue("side", f.side().name());
        }
        if (f.from() != null) {
            terms.add("created_at >= :from");
            p.addValue("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            terms.add("created_at < :to");
            p.addValue("to", Timestamp.from(f.to()));
        }
        if (f.entryMethod() != null) {
            terms.add("entry_method = :method");
            p.addValue("method", f.entryMethod().name());
        }
        if (f.result() != null) {
            terms.add("result = :result");
            p.addValue("result", f.result());
        }
        if (f.status() != null) {
            terms.add("status = :status");
            p.addValue("status", f.status().name());
        }
        if (f.ticker() != null && !f.ticker().isBlank()) {
            terms.add("LOWER(ticker) LIKE :ticker ESCAPE '\\'");
            String escaped = f.ticker().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            p.addValue("ticker", "%" + escaped + "%");
        }
        return new Where(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), p);
    }

    @Override
    public TradePage page(TradeFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 to " + MAX_PAGE_SIZE);
        }
        Where w = where(filter);
        long total = w.bind(jdbc.sql("SELECT COUNT(*) FROM trading.trade" + w.sql())).query(Long.class).single();
        List<Trade> rows = w.bind(jdbc.sql("SELECT * FROM trading.trade" + w.sql()
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset"))
                .param("limit", size).param("offset", (long) page * size)
                .query(trades::mapTrade).list();
        return new TradePage(rows, page, size, total);
    }

    @Override
    public void forEach(TradeFilter filter, Consumer<Trade> sink) {
        Where w = where(filter);
        int[] row = {0};
        w.bind(jdbc.sql("SELECT * FROM trading.trade" + w.sql() + " ORDER BY id"))
                .query((RowCallbackHandler) rs -> sink.accept(trades.mapTrade(rs, row[0]++)));
    }

    /** The columns of one trade the summary needs. */
    private record Row(long id, TradeStatus status, Long pnl, long fees, EntryMethod method, Double probability,
                       Long edge, Instant enteredAt, Instant close, Instant closedAt) {
    }

    /** Running totals of one group. */
    private static final class Tally {
        long finished;
        long wins;
        long net;

        void add(long pnl) {
            finished++;
            net += pnl;
            if (pnl > 0) {
                wins++;
            }
        }

        TradeSummary.Group group(String label) {
            return new TradeSummary.Group(label, finished, wins, finished == 0 ? null : (double) wins / finished,
                    new Money(net));
        }
    }

    @Override
    public TradeSummary summary(TradeFilter filter) {
        Where w = where(filter);
        List<Row> rows = w.bind(jdbc.sql("SELECT id, status, pnl, fees, entry_method, prob_at_entry, edge_at_entry,"
                        + " COALESCE(opened_at, created_at) AS entered_at, market_close, closed_at FROM trading.trade"
                        + w.sql() + " ORDER BY closed_at, id"))
                .query((rs, n) -> new Row(rs.getLong("id"), TradeStatus.valueOf(rs.getString("status")),
                        rs.getObject("pnl", Long.class), rs.getLong("fees"),
                        EntryMethod.valueOf(rs.getString("entry_method")), rs.getObject("prob_at_entry", Double.class),
                        rs.getObject("edge_at_entry", Long.class), rs.getTimestamp("entered_at").toInstant(),
                        rs.getTimestamp("market_close").toInstant(),
                        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant()))
                .list();
        Tally all = new Tally();
        long fees = 0;
        long edgeSum = 0;
        long edgeCount = 0;
        double probabilitySum = 0;
        long probabilityCount = 0;
        List<TradeSummary.EquityPoint> equity = new ArrayList<>();
        Map<EntryMethod, Tally> byMethod = new LinkedHashMap<>();
        for (EntryMethod m : EntryMethod.values()) {
            byMethod.put(m, new Tally());
        }
        Tally[] byProbability = tallies(PROBABILITY_LABELS.length);
        Tally[] byMinutes = tallies(MINUTE_LABELS.length);
        for (Row r : rows) {
            if (r.status() != TradeStatus.REJECTED) {
                if (r.edge() != null) {
                    edgeSum += r.edge();
                    edgeCount++;
                }
                if (r.probability() != null) {
                    probabilitySum += r.probability();
                    probabilityCount++;
                }
            }
            if (r.pnl() == null || r.status() == TradeStatus.REJECTED) {
                continue;
            }
            all.add(r.pnl());
            fees += r.fees();
            equity.add(new TradeSummary.EquityPoint(r.closedAt(), r.id(), new Money(all.net)));
            byMethod.get(r.method()).add(r.pnl());
            if (r.probability() != null) {
                byProbability[band(r.probability() * 100, PROBABILITY_BANDS)].add(r.pnl());
            }
            long minutes = Duration.between(r.enteredAt(), r.close()).toMinutes();
            byMinutes[band(Math.max(0, minutes), MINUTE_BANDS)].add(r.pnl());
        }
        List<TradeSummary.Group> methods = new ArrayList<>();
        byMethod.forEach((m, t) -> methods.add(t.group(m.name())));
        return new TradeSummary(rows.size(), all.finished, all.wins,
                all.finished == 0 ? null : (double) all.wins / all.finished, new Money(all.net + fees), new Money(fees),
                new Money(all.net), edgeCount == 0 ? null : new Money(Math.round((double) edgeSum / edgeCount)),
                probabilityCount == 0 ? null : probabilitySum / probabilityCount, equity, methods,
                groups(byProbability, PROBABILITY_LABELS), groups(byMinutes, MINUTE_LABELS));
    }

    private static Tally[] tallies(int n) {
        Tally[] t = new Tally[n];
        for (int i = 0; i < n; i++) {
            t[i] = new Tally();
        }
        return t;
    }

    private static List<TradeSummary.Group> groups(Tally[] tallies, String[] labels) {
        List<TradeSummary.Group> g = new ArrayList<>();
        for (int i = 0; i < tallies.length; i++) {
            g.add(tallies[i].group(labels[i]));
        }
        return g;
    }

    private static int band(double value, double[] lowers) {
        int i = 0;
        while (i + 1 < lowers.length && value >= lowers[i + 1]) {
            i++;
        }
        return i;
    }

    private static int band(long value, long[] lowers) {
        int i = 0;
        while (i + 1 < lowers.length && value >= lowers[i + 1]) {
            i++;
        }
        return i;
    }

    @Override
    public Optional<TradeDetail> detail(long tradeId) {
        return trades.get(tradeId).map(t -> new TradeDetail(t, orders(tradeId, t.side()), fills(tradeId), trades.logOf(tradeId)));
    }

    private List<TradeDetail.Order> orders(long tradeId, Side side) {
        return jdbc.sql("SELECT * FROM trading.trade_order WHERE trade_id = ? ORDER BY attempt").param(tradeId)
                .query((rs, n) -> new TradeDetail.Order(rs.getString("client_order_id"), rs.getInt("attempt"),
                        rs.getString("purpose"), rs.getString("action"), Side.valueOf(rs.getString("side")),
                        new Count(rs.getLong("count")), new Price(rs.getLong("worst_price")),
                        rs.getString("time_in_force"), rs.getString("status"), new Count(rs.getLong("filled")),
                        problem(rs.getString("reject_code"), rs.getString("reject_message")),
                        TradeManager.instant(rs.getTimestamp("created_at")),
                        TradeManager.instant(rs.getTimestamp("resolved_at"))))
                .list();
    }

    private static String problem(String code, String message) {
        if (code == null) {
            return message;
        }
        return message == null ? code : code + ": " + message;
    }

    private List<TradeDetail.Fill> fills(long tradeId) {
        return jdbc.sql("SELECT f.*, o.purpose FROM trading.trade_fill f JOIN trading.trade_order o ON o.id = f.order_id"
                        + " WHERE f.trade_id = ? ORDER BY f.filled_at, f.id").param(tradeId)
                .query((rs, n) -> new TradeDetail.Fill(rs.getString("fill_id"), rs.getString("purpose"),
                        new Count(rs.getLong("count")), new Price(rs.getLong("price")), new Money(rs.getLong("fee")),
                        TradeManager.instant(rs.getTimestamp("filled_at"))))
                .list();
    }
}
