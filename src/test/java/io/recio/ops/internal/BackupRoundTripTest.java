package io.recio.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.testsupport.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * recio backup and restore, round trip on H2 and PostgreSQL: the trades, orders, fills and settings read back after
 * a restore are the ones backed up, whatever changed in between.
 */
class BackupRoundTripTest {

    private static final List<String> COMPARED = List.of("trading.trade", "trading.trade_order", "trading.trade_fill",
            "trading.exchange_order", "trading.fill", "trading.trade_settings", "users.preference");

    private final Backups backups = new Backups(Clock.fixed(Instant.parse("2026-03-02T14:00:00Z"), ZoneOffset.UTC));

    @Test
    void anEmbeddedDatabaseComesBackAsItWasBackedUp(@TempDir Path dir) throws Exception {
        Backups.H2 h2 = new Backups.H2(dir.resolve("data"));
        Files.createDirectories(h2.dataDir());
        String url = h2.url(false);
        migrate(url, "sa", "");
        Map<String, List<String>> before;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            fill(c);
            before = snapshot(c);
        }
        Path file = backups.defaultFile(h2, dir);
        assertThat(file.getFileName().toString()).isEqualTo("recio-20260302-140000.zip");

        backups.backup(h2, file);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            change(c);
            assertThat(snapshot(c)).isNotEqualTo(before);
        }
        backups.restore(h2, file);

        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(snapshot(c)).isEqualTo(before);
        }
        assertThat(h2.dataDir().resolve("recio.mv.db.before-restore")).exists();
        assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void anEmbeddedDatabaseOpenInARunningRecioIsNeitherBackedUpNorReplaced(@TempDir Path dir) throws Exception {
        Backups.H2 h2 = new Backups.H2(dir.resolve("data"));
        Files.createDirectories(h2.dataDir());
        migrate(h2.url(false), "sa", "");
        Path file = dir.resolve("b.zip");
        backups.backup(h2, file);
        // H2 locks its file while the database is open: this connection stands for a running recio
        try (Connection running = DriverManager.getConnection(h2.url(false), "sa", "")) {
            assertThatThrownBy(() -> backups.restore(h2, file)).hasMessageContaining("open in a running recio");
            assertThatThrownBy(() -> backups.backup(h2, dir.resolve("c.zip")))
                    .hasMessageContaining("open in a running recio");
        }
        assertThat(h2.file()).exists();
    }

    @Test
    void aPostgresDatabaseComesBackAsItWasDumped(@TempDir Path dir) throws Exception {
        String url = PostgresTestDatabase.fresh("backup");
        String user = PostgresTestDatabase.USER;
        migrate(url, user, "");
        Map<String, List<String>> before;
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            fill(c);
            before = snapshot(c);
        }
        Backups.Target pg = Backups.target(Map.of("RECIO_DB_URL", url, "RECIO_DB_USER", user), dir);
        Path file = backups.defaultFile(pg, dir);

        backups.backup(pg, file);
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            change(c);
        }
        backups.restore(pg, file);

        try (Connection c = DriverManager.getConnection(url, user, "")) {
            assertThat(snapshot(c)).isEqualTo(before);
        }
    }

    private static void migrate(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
    }

    /** Two trades with their orders and fills, the exchange's view of them, a user's settings. */
    private static void fill(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int id = 1; id <= 2; id++) {
                s.execute("INSERT INTO trading.trade (id, uid, user_id, symbol, event_ticker, ticker, strike, side, status,"
                        + " market_close, requested, worst_entry_price, contracts, entry_cost, entry_price, fees,"
                        + " entry_method, created_at, opened_at) VALUES (" + id + ", 'uid-" + id + "', 'admin', 'BTC',"
                        + " 'KXBTCD-26MAR0215', 'KXBTCD-26MAR0215-T9999" + id + "', 999990000, 'YES', 'OPEN',"
                        + " TIMESTAMP WITH TIME ZONE '2026-03-02 15:00:00+00', 500, 6500, 500, 32000, 6400, 11,"
                        + " 'MANUAL', TIMESTAMP WITH TIME ZONE '2026-03-02 14:10:00+00',"
                        + " TIMESTAMP WITH TIME ZONE '2026-03-02 14:10:01+00')");
                s.execute("INSERT INTO trading.trade_order (id, trade_id, client_order_id, attempt, purpose, ticker, side,"
                        + " action, count, worst_price, time_in_force, reduce_only, status, venue_order_id, filled,"
                        + " created_at) VALUES (" + id + ", " + id + ", 'coid-" + id + "', 1, 'ENTRY',"
                        + " 'KXBTCD-26MAR0215-T9999" + id + "', 'YES', 'BUY', 500, 6500, 'IOC', FALSE, 'ACCEPTED',"
                        + " 'order-" + id + "', 500, TIMESTAMP WITH TIME ZONE '2026-03-02 14:10:00+00')");
                s.execute("INSERT INTO trading.trade_fill (trade_id, order_id, fill_id, count, price, fee, filled_at)"
                        + " VALUES (" + id + ", " + id + ", 'fill-" + id + "', 500, 6400, 11,"
                        + " TIMESTAMP WITH TIME ZONE '2026-03-02 14:10:01+00')");
                s.execute("INSERT INTO trading.exchange_order (order_id, client_order_id, ticker, outcome_side,"
                        + " book_side, status, yes_price, initial_count, fill_count, remaining_count, taker_fees,"
                        + " maker_fees, taker_fill_cost, maker_fill_cost, created_at, updated_at, observed_at) VALUES"
                        + " ('order-" + id + "', 'coid-" + id + "', 'KXBTCD-26MAR0215-T9999" + id + "', 'yes', 'bid',"
                        + " 'executed', 6400, 500, 500, 0, 11, 0, 32000, 0, TIMESTAMP WITH TIME ZONE"
                        + " '2026-03-02 14:10:00+00', TIMESTAMP WITH TIME ZONE '2026-03-02 14:10:01+00',"
                        + " TIMESTAMP WITH TIME ZONE '2026-03-02 14:10:02+00')");
                s.execute("INSERT INTO trading.fill (trade_id, order_id, ticker, outcome_side, book_side, count, yes_price,"
                        + " is_taker, fee, exchange_index, filled_at, source, recorded_at) VALUES ('fill-" + id + "',"
                        + " 'order-" + id + "', 'KXBTCD-26MAR0215-T9999" + id + "', 'yes', 'bid', 500, 6400, TRUE, 11,"
                        + " 0, TIMESTAMP WITH TIME ZONE '2026-03-02 14:10:01+00', 'ws',"
                        + " TIMESTAMP WITH TIME ZONE '2026-03-02 14:10:02+00')");
            }
            s.execute("INSERT INTO trading.trade_settings VALUES ('admin', TRUE, TRUE, 100, 1, 0.9, 300, 120, 1800, 60,"
                    + " 0.5, 0.2, 5, 0, 9500, 0.4, 30, 5, FALSE, 1.0, TIMESTAMP WITH TIME ZONE '2026-03-02 14:00:00+00')");
            s.execute("INSERT INTO users.preference VALUES ('admin', 'America/New_York', TRUE, FALSE,"
                    + " TIMESTAMP WITH TIME ZONE '2026-03-02 14:00:00+00')");
        }
    }

    /** What happens after a backup: a trade closes, a fill arrives, a setting changes. */
    private static void change(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE trading.trade SET status = 'CLOSED', closed_contracts = 500 WHERE id = 1");
            s.execute("DELETE FROM trading.trade_fill WHERE trade_id = 2");
            s.execute("UPDATE trading.trade_settings SET auto_entry_enabled = FALSE");
        }
    }

    /** Every row of the compared tables, as text, in key order. */
    private static Map<String, List<String>> snapshot(Connection c) throws SQLException {
        Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        for (String table : COMPARED) {
            List<String> lines = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        line.append(value instanceof java.time.temporal.TemporalAccessor t
                                ? java.time.OffsetDateTime.from(t).toInstant() : value).append('|');
                    }
                    lines.add(line.toString());
                }
            }
            rows.put(table, lines);
        }
        assertThat(rows.values()).allSatisfy(list -> assertThat(list).isNotEmpty());
        return rows;
    }
}
