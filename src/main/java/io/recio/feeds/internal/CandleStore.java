package io.recio.feeds.internal;

import io.recio.feeds.Candle;
import io.recio.feeds.PriceHistory;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code historical_data.candle_1m}: idempotent batched inserts and streaming reads ({@link PriceHistory}). */
@Repository
public class CandleStore implements PriceHistory {

    private static final String INSERT = "INSERT INTO historical_data.candle_1m "
            + "(symbol, minute_start, open, high, low, close, volume, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public CandleStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Inserts the candles in one batch; a minute already stored is kept. Returns how many were new. */
    public int insert(List<CandleRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        // Row counts from the driver are unreliable (pgjdbc's reWriteBatchedInserts answers SUCCESS_NO_INFO), so
        // the new rows are counted over the batch's key range, which the primary key index answers cheaply.
        long before = countInRange(rows);
        jdbc.batchUpdate(INSERT, rows, rows.size(), (ps, row) -> {
            Candle c = row.candle();
            ps.setString(1, c.symbol().name());
            ps.setTimestamp(2, Timestamp.from(c.start()));
            ps.setLong(3, c.open().units());
            ps.setLong(4, c.high().units());
            ps.setLong(5, c.low().units());
            ps.setLong(6, c.close().units());
            if (row.volume() == null) {
                ps.setNull(7, Types.DECIMAL);
            } else {
                ps.setBigDecimal(7, row.volume());
            }
            ps.setString(8, c.source());
        });
        return (int) (countInRange(rows) - before);
    }

    private long countInRange(List<CandleRow> rows) {
        long total = 0;
        for (Symbol symbol : Symbol.values()) {
            Instant min = null;
            Instant max = null;
            for (CandleRow row : rows) {
                if (row.candle().symbol() == symbol) {
                    Instant t = row.candle().start();
                    min = min == null || t.isBefore(min) ? t : min;
                    max = max == null || t.isAfter(max) ? t : max;
                }
            }
            if (min != null) {
                Long n = jdbc.queryForObject("SELECT COUNT(*) FROM historical_data.candle_1m WHERE symbol = ? "
                        + "AND minute_start >= ? AND minute_start <= ?", Long.class, symbol.name(),
                        Timestamp.from(min), Timestamp.from(max));
                total += n == null ? 0 : n;
            }
        }
        return total;
    }

    @Override
    public void forEachCandle(Symbol symbol, Instant from, Instant to, Consumer<Candle> sink) {
        // In a transaction with a fetch size, PostgreSQL streams the rows instead of loading them all.
        readOnly.executeWithoutResult(status -> jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT minute_start, open, high, low, close, source "
                    + "FROM historical_data.candle_1m WHERE symbol = ? AND minute_start >= ? AND minute_start < ? "
                    + "ORDER BY minute_start");
            ps.setFetchSize(5000);
            ps.setString(1, symbol.name());
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            return ps;
        }, rs -> {
            sink.accept(new Candle(symbol, rs.getTimestamp(1).toInstant(), new SpotPrice(rs.getLong(2)),
                    new SpotPrice(rs.getLong(3)), new SpotPrice(rs.getLong(4)), new SpotPrice(rs.getLong(5)),
                    rs.getString(6)));
        }));
    }

    @Override
    public long count(Symbol symbol) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM historical_data.candle_1m WHERE symbol = ?", Long.class,
                symbol.name());
        return n == null ? 0 : n;
    }

    /** The newest stored minute of {@code symbol}, or null. */
    public Instant newest(Symbol symbol) {
        Timestamp t = jdbc.queryForObject("SELECT MAX(minute_start) FROM historical_data.candle_1m WHERE symbol = ?",
                Timestamp.class, symbol.name());
        return t == null ? null : t.toInstant();
    }
}
