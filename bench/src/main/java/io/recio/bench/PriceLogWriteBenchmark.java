package io.recio.bench;

import io.recio.feeds.PriceTick;
import io.recio.feeds.internal.PriceTickRows;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Price-log rows written per second to the real PostgreSQL, in the JDBC batches the log uses (the score is
 * rows/s). Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust); uses the database {@code recio_bench}
 * (created and migrated on first use; override with -Drecio.bench.db=NAME).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PriceLogWriteBenchmark {

    private static final int ROWS = 1000;

    /** Whether pgjdbc rewrites a batch into multi-row INSERTs (a JDBC URL option the owner may set). */
    @Param({"false", "true"})
    public boolean rewriteBatchedInserts;

    private SingleConnectionDataSource dataSource;
    private PriceTickRows rows;
    private long second;

    @Setup(Level.Trial)
    public void connect() throws SQLException {
        String name = System.getProperty("recio.bench.db", "recio_bench");
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            if (!s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next()) {
                s.execute("CREATE DATABASE " + name);
            }
        }
        String url = "jdbc:postgresql://127.0.0.1:5432/" + name + "?reWriteBatchedInserts=" + rewriteBatchedInserts;
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
        dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM live_data.price_tick");
        rows = new PriceTickRows(jdbc, new DataSourceTransactionManager(dataSource));
        second = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    }

    @TearDown(Level.Trial)
    public void close() {
        dataSource.destroy();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void writeBatchOf1000Rows() {
        List<PriceTickRows.LoggedSecond> batch = new ArrayList<>(ROWS);
        Map<Integer, Double> deltas = Map.of(1, 0.01, 2, 0.02, 3, 0.03, 4, 0.04, 15, 0.15, 30, 0.3);
        for (int i = 0; i < ROWS; i++) {
            second++;
            PriceTick tick = new PriceTick(Symbol.BTC, Instant.ofEpochSecond(second), new SpotPrice(900_000_000L + i),
                    deltas, 0.05, new SpotPrice(900_000_000L), "coinbase", Duration.ofMillis(120));
            batch.add(new PriceTickRows.LoggedSecond(tick, 900_000_000L));
        }
        rows.insert(batch);
    }
}
