package io.recio.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL at 127.0.0.1:5432 for integration tests. The test database ({@code recio_test},
 * or RECIO_TEST_DB) is dropped and created afresh once per test run, so every run starts from an
 * empty schema. When PostgreSQL is unreachable the tests are skipped with how to start it, except
 * under CI (the CI environment variable set), where that is a failure.
 */
public final class PostgresTestDatabase {

    public static final String HOST = System.getenv().getOrDefault("RECIO_TEST_PG_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("RECIO_TEST_PG_PORT", "5432"));
    public static final String USER = System.getenv().getOrDefault("RECIO_TEST_PG_USER", "postgres");
    public static final String NAME = System.getenv().getOrDefault("RECIO_TEST_DB", "recio_test");
    private static final String HOW_TO_START = "start it with: pg_ctlcluster --skip-systemctl-redirect "
            + "$(ls /etc/postgresql) main start";

    private static boolean created;

    private PostgresTestDatabase() {
    }

    /** JDBC URL of the test database, created (fresh, once per run) when needed; skips or fails when unreachable. */
    public static synchronized String url() {
        if (!created) {
            recreate();
            created = true;
        }
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + NAME;
    }

    /** Spring properties pointing the application at the test database. */
    public static Map<String, String> springProperties() {
        return Map.of("spring.datasource.url", url(), "spring.datasource.username", USER,
                "spring.datasource.password", "");
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    /**
     * A database of its own, {@code <test database>_<suffix>}, dropped and created afresh now (for tests whose
     * recio child processes share one database); its JDBC URL. Skips or fails like {@link #url()}.
     */
    public static String fresh(String suffix) {
        String name = NAME + "_" + suffix;
        recreate(name);
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    private static void recreate() {
        recreate(NAME);
    }

    private static void recreate(String name) {
        String admin = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres?connectTimeout=3";
        try (Connection c = DriverManager.getConnection(admin, USER, ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + HOST + ":" + PORT + " is unreachable (" + e.getMessage() + "); "
                    + HOW_TO_START;
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI is set, so the PostgreSQL tests must run: " + message, e);
            }
            Assumptions.abort("Skipping PostgreSQL test. " + message);
        }
    }
}
