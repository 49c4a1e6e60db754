package io.recio.feeds.internal;

import io.recio.feeds.PriceTick;
import io.recio.market.Symbol;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads and writes {@code live_data.price_tick}: batched inserts of logged seconds, range reads, retention. */
public final class PriceTickRows {

    private static final String INSERT = "INSERT INTO live_data.price_tick (symbol, at_second, price, delta_1m, delta_2m, "
            + "delta_3m, delta_4m, delta_15m, delta_30m, momentum, avg_1m, avg_60s, source, age_ms) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    /** One logged second: the published tick and the running one-minute average the tick does not carry. */
    public record LoggedSecond(PriceTick tick, long average1mUnits) {
    }

    /** One stored second, as the history API shows it. */
    public record Point(Instant at, long priceUnits, String source) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    /** Rows over {@code jdbc}; range reads stream inside read-only transactions of {@code transactions}. */
    public PriceTickRows(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Inserts the ticks in one JDBC batch; a second already stored is left as it is. */
    public void insert(List<LoggedSecond> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, rows, rows.size(), PriceTickRows::bind);
    }

    private static void bind(PreparedStatement ps, LoggedSecond row) throws SQLException {
        PriceTick t = row.tick();
        ps.setString(1, t.symbol().name());
        ps.setTimestamp(2, Timestamp.from(t.at()));
        ps.setLong(3, t.price().units());
        Map<Integer, Double> deltas = t.deltasPercent();
        int column = 4;
        for (int minutes : PriceTick.DELTA_MINUTES) {
            setDouble(ps, column++, deltas.get(minutes));
        }
        setDouble(ps, 10, Double.isNaN(t.momentum()) ? null : t.momentum());
        ps.setLong(11, row.average1mUnits());
        ps.setLong(12, t.average60s().units());
        ps.setString(13, t.source());
        ps.setLong(14, t.age().toMillis());
    }

    private static void setDouble(PreparedStatement ps, int column, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(column, Types.DOUBLE);
        } else {
            ps.setDouble(column, value);
        }
    }

    /** Calls {@code sink} with every stored second of {@code symbol} in [from, to), oldest first, streaming. */
    public void forEach(Symbol symbol, Instant from, Instant to, Consumer<Point> sink) {
        // In a transaction with a fetch size, PostgreSQL streams a week of seconds instead of loading it whole.
        readOnly.executeWithoutResult(status -> jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT at_second, price, source FROM live_data.price_tick "
                    + "WHERE symbol = ? AND at_second >= ? AND at_second < ? ORDER BY at_second");
            ps.setFetchSize(2000);
            ps.setString(1, symbol.name());
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            return ps;
        }, rs -> {
            sink.accept(new Point(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getString(3)));
        }));
    }

    /** The oldest stored second of {@code symbol}, or null when there is none. */
    public Instant oldest(Symbol symbol) {
        Timestamp t = jdbc.queryForObject("SELECT MIN(at_second) FROM live_data.price_tick WHERE symbol = ?",
                Timestamp.class, symbol.name());
        return t == null ? null : t.toInstant();
    }

    /** Deletes every second of {@code symbol} older than {@code cutoff}; returns how many rows went. */
    public int deleteBefore(Symbol symbol, Instant cutoff) {
        return jdbc.update("DELETE FROM live_data.price_tick WHERE symbol = ? AND at_second < ?", symbol.name(),
                Timestamp.from(cutoff));
    }

    /** How many seconds of {@code symbol} are stored (tests and the rate measurement). */
    public long count(Symbol symbol) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM live_data.price_tick WHERE symbol = ?", Long.class,
                symbol.name());
        return n == null ? 0 : n;
    }
}
