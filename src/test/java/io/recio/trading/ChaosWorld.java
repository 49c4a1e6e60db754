package io.recio.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.simulator.exchange.KalshiExchangeSimulator;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.simulator.feed.CoinbaseFeedServer;
import io.recio.testsupport.ConsoleClient;
import io.recio.testsupport.ExchangeClient;
import io.recio.testsupport.FixedPrices;
import io.recio.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * A world for fault tests: the Kalshi exchange and the Coinbase feed simulators in this JVM (so they outlive every
 * kill of recio), one provisioned account, a PostgreSQL database of its own, and recio as a child process in live
 * mode with the auto-entry bot on; with the checks of recio's books against the exchange that issue 14 names.
 */
final class ChaosWorld implements AutoCloseable {

    static final String ADMIN_PASSWORD = "chaos-test-password-1";
    static final long START_BALANCE_UNITS = 10_000L * 10_000L;
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);
    /** How long a child may take to answer: minutes on a shared, overloaded build machine. */
    static final Duration STARTUP = Duration.ofMinutes(10);

    final FaultSwitches faults = new FaultSwitches();
    final List<Process> children = new ArrayList<>();
    final KalshiExchangeSimulator simulator;
    final CoinbaseFeedServer feed;
    final KalshiExchangeSimulator.Credentials account;
    final ExchangeClient exchange;
    final String database;
    final Path work;
    final Path keyFile;
    final int port;
    Process recio;
    ConsoleClient console;

    ChaosWorld(String name) throws IOException {
        database = PostgresTestDatabase.fresh(name);
        work = Files.createTempDirectory("recio-" + name);
        FixedPrices prices = new FixedPrices(Clock.systemUTC(), "90000", "3000");
        simulator = new KalshiExchangeSimulator(prices, faults, Clock.systemUTC(),
                KalshiSimulatorSettings.defaults().withRateLimited(false));
        simulator.start("127.0.0.1", 0, true);
        feed = new CoinbaseFeedServer(prices, faults, Clock.systemUTC(),
                new CoinbaseFeedServer.Settings("127.0.0.1", 0, Duration.ofSeconds(5), 1));
        feed.start();
        account = simulator.provisionAccount();
        exchange = ExchangeClient.of(simulator.restUrl(), account.keyId(), account.privateKeyPem());
        keyFile = work.resolve("kalshi.key");
        Files.writeString(keyFile, account.privateKeyPem());
        port = freePort();
    }

    /** SIGKILLs recio and waits for it to be gone; the fault switches go off. */
    void kill() throws InterruptedException {
        recio.destroyForcibly();
        assertThat(recio.waitFor(30, TimeUnit.SECONDS)).as("recio died of SIGKILL").isTrue();
        faults.reset();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(20, TimeUnit.SECONDS);
        }
        feed.stop();
        simulator.stop();
    }

    /** Starts recio on the world's database and waits until its start-up reconciliation turned trading on. */
    void startRecio() throws IOException {
        Path log = Path.of("target", work.getFileName() + "-child-" + (children.size() + 1) + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "-Drecio.mode=live",
                "-Drecio.data-dir=" + work,
                "-Drecio.ports.main-app=" + port,
                "-Drecio.ports.simulator-kalshi=0",
                "-Drecio.ports.simulator-coinbase=0",
                "-Drecio.kalshi.rest-url=" + simulator.restUrl(),
                "-Drecio.kalshi.ws-url=" + simulator.wsUrl(),
                "-Drecio.kalshi.key-id=" + account.keyId(),
                "-Drecio.kalshi.key-file=" + keyFile,
                // an unanswered order stays in flight until the kill, as a lost answer would
                "-Drecio.kalshi.order-timeout=60s",
                "-Drecio.trading.venue=kalshi",
                "-Drecio.trading.auto-entry-at-first-start=true",
                "-Drecio.feeds.coinbase-url=ws://127.0.0.1:" + feed.port() + "/",
                "io.recio.RecioApplication", "run")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("RECIO_"));
        builder.environment().put("RECIO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("RECIO_DB_URL", database);
        builder.environment().put("RECIO_DB_USER", PostgresTestDatabase.USER);
        builder.environment().put("RECIO_DB_PASSWORD", "");
        recio = builder.start();
        children.add(recio);
        console = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD, STARTUP);
        await("trading to be on after the start-up reconciliation").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> console.get("/api/trading/status").get("trading_on").asBoolean());
    }

    /** The invariants once nothing is unresolved; retried while trades are in flight, the last problems if they stay. */
    List<String> settledInvariants() throws InterruptedException {
        Instant deadline = Instant.now().plus(CHECK_TIMEOUT);
        List<String> problems = invariants();
        while (!problems.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(2000);
            problems = invariants();
        }
        return problems;
    }

    /** Every check; the problems found (none when recio agrees with the exchange). */
    List<String> invariants() {
        List<String> problems = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(database, PostgresTestDatabase.USER, "")) {
            List<JsonNode> orders = exchangeOrders();
            Map<String, Integer> seen = new HashMap<>();
            for (JsonNode o : orders) {
                String clientId = o.path("client_order_id").asString("");
                if (clientId.isEmpty()) {
                    problems.add("exchange order " + o.get("order_id").asString() + " has no client order id");
                    continue;
                }
                if (seen.merge(clientId, 1, Integer::sum) == 2) {
                    problems.add("client order id " + clientId + " twice at the exchange");
                }
                List<long[]> local = rows(db, "SELECT o.id, (SELECT COALESCE(SUM(f.count), 0) FROM trading.trade_fill f"
                        + " WHERE f.order_id = o.id) FROM trading.trade_order o WHERE o.client_order_id = ?", clientId);
                if (local.size() != 1) {
                    problems.add("exchange order " + clientId + " known locally " + local.size() + " times");
                    continue;
                }
                long exchangeFilled = units(o.get("fill_count_fp").asString(), 100);
                if (local.getFirst()[1] != exchangeFilled) {
                    problems.add("order " + clientId + " filled " + exchangeFilled + "/100 at the exchange, "
                            + local.getFirst()[1] + "/100 locally");
                }
            }
            long stuck = rows(db, "SELECT COUNT(*) FROM trading.trade_order WHERE status IN ('SENDING','UNKNOWN')")
                    .getFirst()[0];
            if (stuck > 0) {
                problems.add(stuck + " orders SENDING or UNKNOWN");
            }
            long limbo = rows(db, "SELECT COUNT(*) FROM trading.trade WHERE status IN ('PENDING','CLOSING')").getFirst()[0];
            if (limbo > 0) {
                problems.add(limbo + " trades PENDING or CLOSING");
            }
            Map<String, Long> local = new HashMap<>();
            try (PreparedStatement s = db.prepareStatement("SELECT ticker, side, contracts - closed_contracts FROM"
                    + " trading.trade WHERE status IN ('OPEN','CLOSING','EXPIRED')"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    local.merge(rs.getString(1), "YES".equals(rs.getString(2)) ? rs.getLong(3) : -rs.getLong(3), Long::sum);
                }
            }
            Map<String, Long> remote = new HashMap<>();
            for (JsonNode p : exchange.get("/portfolio/positions?limit=1000").get("market_positions")) {
                remote.merge(p.get("ticker").asString(), units(p.get("position_fp").asString(), 100), Long::sum);
            }
            local.values().removeIf(v -> v == 0);
            remote.values().removeIf(v -> v == 0);
            if (!local.equals(remote)) {
                problems.add("positions: local " + local + ", exchange " + remote);
            }
            long flow = rows(db, "SELECT COALESCE(SUM(CASE WHEN o.action = 'BUY' THEN -1 ELSE 1 END * f.count * f.price"
                    + " / 100 - f.fee), 0) FROM trading.trade_fill f JOIN trading.trade_order o ON o.id = f.order_id")
                    .getFirst()[0];
            long payouts = rows(db, "SELECT COALESCE(SUM(payout), 0) FROM trading.trade WHERE status = 'SETTLED'")
                    .getFirst()[0];
            long adopted = rows(db, "SELECT COUNT(*) FROM trading.trade WHERE entry_method = 'EXTERNAL'").getFirst()[0];
            if (adopted > 0) {
                problems.add(adopted + " trades adopted from the exchange (a position recio did not know it had)");
            }
            long expected = START_BALANCE_UNITS + flow + payouts;
            long actual = units(exchange.get("/portfolio/balance").get("balance_dollars").asString(), 10_000);
            if (Math.abs(expected - actual) >= 100) {
                problems.add("cash: exchange " + new BigDecimal(actual).movePointLeft(4) + ", local records "
                        + new BigDecimal(expected).movePointLeft(4));
            }
        } catch (SQLException | RuntimeException e) {
            problems.add("check failed: " + e);
        }
        return problems;
    }

    /** The rows of a query, every column as a long. */
    static List<long[]> rows(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<long[]> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    long[] row = new long[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getLong(c + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** A decimal string in units of 1/perOne. */
    static long units(String decimal, long perOne) {
        return new BigDecimal(decimal).multiply(BigDecimal.valueOf(perOne)).longValueExact();
    }

    /** Every order of the account at the exchange. */
    List<JsonNode> exchangeOrders() {
        return StreamSupport.stream(exchange.get("/portfolio/orders?limit=1000").get("orders").spliterator(), false)
                .toList();
    }

    /** Waits until the exchange holds at least this many orders of the account; whether it came to that. */
    boolean waitForExchangeOrders(int atLeast, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (exchangeOrders().size() >= atLeast) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** An open BTC market not about to close whose asks an order at 0.99 takes, picked by the run's seed. */
    Optional<String> marketToTrade(Random random) {
        Instant soon = Instant.now().plus(Duration.ofMinutes(2));
        List<String> tickers = StreamSupport.stream(exchange.get("/markets?series_ticker=KXBTCD&status=open")
                        .get("markets").spliterator(), false)
                .filter(m -> Instant.parse(m.get("close_time").asString()).isAfter(soon))
                .filter(m -> m.hasNonNull("yes_ask_dollars") && m.hasNonNull("yes_bid_dollars"))
                .filter(m -> new BigDecimal(m.get("yes_ask_dollars").asString()).compareTo(new BigDecimal("0.97")) < 0)
                .filter(m -> new BigDecimal(m.get("yes_bid_dollars").asString()).compareTo(new BigDecimal("0.03")) > 0)
                .sorted(Comparator.comparing((JsonNode m) -> m.get("ticker").asString()))
                .map(m -> m.get("ticker").asString()).toList();
        return tickers.isEmpty() ? Optional.empty() : Optional.of(tickers.get(random.nextInt(tickers.size())));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
