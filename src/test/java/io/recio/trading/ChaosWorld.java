package io.recio.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.market.EventTicker;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.exchange.KalshiExchangeSimulator;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.simulator.feed.CoinbaseFeedServer;
import io.recio.testsupport.AheadClock;
import io.recio.testsupport.ConsoleClient;
import io.recio.testsupport.ExchangeClient;
import io.recio.testsupport.FixedPrices;
import io.recio.testsupport.PostgresTestDatabase;
import io.recio.testsupport.RecioChild;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.JsonNode;

/**
 * A world for fault tests: the Kalshi exchange and the Coinbase feed simulators in this JVM (so they outlive every
 * kill of recio), one provisioned account, a PostgreSQL database of its own, and recio as a child process in live
 * mode with the auto-entry bot on; with the checks of recio's books against the exchange that issue 14 names.
 * The world keeps its own time ({@link AheadClock}): it starts inside the bot's entry window before a close, and
 * while recio is down a test may move it on, through a close and its settlement if it likes.
 */
final class ChaosWorld implements AutoCloseable {

    static final String ADMIN_PASSWORD = "chaos-test-password-1";
    static final long START_BALANCE_UNITS = 10_000L * 10_000L;
    /** Long enough for a settlement that lands during a check to reach recio's books (a reconciliation pass). */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(150);
    /** Where the world stands at first: inside the auto-entry window (120-900 s before the close by default). */
    static final Duration IN_ENTRY_WINDOW = Duration.ofMinutes(14);
    /** Minutes of price history recio starts with (its models need 180). */
    static final int HISTORY_MINUTES = 240;
    /** How long a child may take to answer: minutes on a shared, overloaded build machine. */
    static final Duration STARTUP = Duration.ofMinutes(10);

    final FaultSwitches faults = new FaultSwitches();
    final AheadClock clock = new AheadClock();
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
        clock.jumpToBeforeClose(IN_ENTRY_WINDOW);
        FixedPrices prices = new FixedPrices(clock, "90000", "3000");
        simulator = new KalshiExchangeSimulator(prices, faults, clock,
                KalshiSimulatorSettings.defaults().withRateLimited(false));
        simulator.start("127.0.0.1", 0, true);
        feed = new CoinbaseFeedServer(prices, faults, clock,
                new CoinbaseFeedServer.Settings("127.0.0.1", 0, Duration.ofSeconds(5), 1));
        feed.start();
        account = simulator.provisionAccount();
        exchange = ExchangeClient.of(simulator.restUrl(), account.keyId(), account.privateKeyPem(), clock);
        keyFile = work.resolve("kalshi.key");
        Files.writeString(keyFile, account.privateKeyPem());
        port = RecioChild.freePort();
        seedHistory();
    }

    /**
     * Gives recio four hours of one-minute candles before its first start, a quiet random walk about the fixed index
     * (about 20 % a year, below the simulated makers' 50 %): it builds its models from them at once, so the strike
     * tables are ready a moment after every start instead of after two minutes of live ticks, and its model is
     * surer of the favourites than the makers are, so the auto-entry bot finds an edge and trades.
     */
    void seedHistory() {
        Flyway.configure().dataSource(database, PostgresTestDatabase.USER, "").locations("classpath:db/migration")
                .load().migrate();
        Instant last = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Random walk = new Random(14);
        double perMinute = 0.20 / Math.sqrt(365.25 * 24 * 60);
        try (Connection db = DriverManager.getConnection(database, PostgresTestDatabase.USER, "");
             PreparedStatement insert = db.prepareStatement("INSERT INTO historical_data.candle_1m (symbol, minute_start,"
                     + " open, high, low, close, source) VALUES (?, ?, ?, ?, ?, ?, 'chaos-test')")) {
            for (Map.Entry<Symbol, Double> symbol : Map.of(Symbol.BTC, 90_000.0, Symbol.ETH, 3_000.0).entrySet()) {
                double price = symbol.getValue();
                for (int minute = HISTORY_MINUTES; minute > 0; minute--) {
                    double open = price;
                    price = symbol.getValue() * Math.exp(Math.log(price / symbol.getValue()) * 0.98
                            + perMinute * walk.nextGaussian());
                    insert.setString(1, symbol.getKey().name());
                    insert.setTimestamp(2, Timestamp.from(last.minus(Duration.ofMinutes(minute))));
                    insert.setLong(3, Math.round(open * SpotPrice.ONE_DOLLAR));
                    insert.setLong(4, Math.round(Math.max(open, price) * SpotPrice.ONE_DOLLAR));
                    insert.setLong(5, Math.round(Math.min(open, price) * SpotPrice.ONE_DOLLAR));
                    insert.setLong(6, Math.round(price * SpotPrice.ONE_DOLLAR));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed the price history", e);
        }
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
        recio = RecioChild.live(work, port, simulator, account.keyId(), keyFile)
                // an unanswered order stays in flight until the kill, as a lost answer would
                .set("recio.kalshi.order-timeout", "60s")
                .set("recio.trading.auto-entry-at-first-start", true)
                // room for the bot's favourites (it fills ten at once) and the suite's manual trades beside them
                .set("recio.trading.risk.max-open-trades", 40)
                .set("recio.feeds.coinbase-url", "ws://127.0.0.1:" + feed.port() + "/")
                .adminPassword(ADMIN_PASSWORD).postgres(database).clockAhead(clock.ahead()).start(log);
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
            Map<String, long[]> sides = new HashMap<>();
            try (PreparedStatement s = db.prepareStatement("SELECT ticker, side, contracts - closed_contracts FROM"
                    + " trading.trade WHERE status IN ('OPEN','CLOSING','EXPIRED')"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean yes = "YES".equals(rs.getString(2));
                    local.merge(rs.getString(1), yes ? rs.getLong(3) : -rs.getLong(3), Long::sum);
                    sides.computeIfAbsent(rs.getString(1), t -> new long[2])[yes ? 0 : 1] += rs.getLong(3);
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
            Set<String> settledAtExchange = new HashSet<>();
            exchange.get("/portfolio/settlements?limit=1000").get("settlements")
                    .forEach(st -> settledAtExchange.add(st.get("ticker").asString()));
            try (PreparedStatement s = db.prepareStatement("SELECT id, ticker, status FROM trading.trade"
                    + " WHERE status IN ('OPEN','CLOSING','EXPIRED','PENDING')"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (settledAtExchange.contains(rs.getString(2))) {
                        problems.add("trade " + rs.getLong(1) + " " + rs.getString(3) + " on " + rs.getString(2)
                                + ", which the exchange has settled");
                    }
                }
            }
            // a YES and a NO contract of one market held together are a pair the exchange pays $1 for at once
            long pairs = sides.values().stream().mapToLong(v -> Math.min(v[0], v[1])).sum() * 100;
            long flow = rows(db, "SELECT COALESCE(SUM(CASE WHEN o.action = 'BUY' THEN -1 ELSE 1 END * f.count * f.price"
                    + " / 100 - f.fee), 0) FROM trading.trade_fill f JOIN trading.trade_order o ON o.id = f.order_id")
                    .getFirst()[0];
            long payouts = rows(db, "SELECT COALESCE(SUM(payout), 0) FROM trading.trade WHERE status = 'SETTLED'")
                    .getFirst()[0];
            long adopted = rows(db, "SELECT COUNT(*) FROM trading.trade WHERE entry_method = 'EXTERNAL'").getFirst()[0];
            if (adopted > 0) {
                problems.add(adopted + " trades adopted from the exchange (a position recio did not know it had)");
            }
            long actual = units(exchange.get("/portfolio/balance").get("balance_dollars").asString(), 10_000);
            long expected = START_BALANCE_UNITS + flow + payouts + pairs;
            if (Math.abs(expected - actual) >= 100) {
                problems.add("cash: exchange " + dollars(actual) + ", local fills and payouts " + dollars(expected));
            }
            // the trades' own ledger: realized PnL of the finished ones, money in and out of the others
            long ledger = START_BALANCE_UNITS + pairs + rows(db, "SELECT COALESCE(SUM(CASE WHEN pnl IS NOT NULL THEN pnl"
                    + " ELSE exit_proceeds - entry_cost - fees END), 0) FROM trading.trade").getFirst()[0];
            if (Math.abs(ledger - actual) >= 100) {
                problems.add("PnL: exchange cash " + dollars(actual) + ", start + trades' PnL and cash flows "
                        + dollars(ledger));
            }
            long wrongPnl = rows(db, "SELECT COUNT(*) FROM trading.trade WHERE pnl IS NOT NULL"
                    + " AND pnl <> COALESCE(payout, 0) + exit_proceeds - entry_cost - fees").getFirst()[0];
            if (wrongPnl > 0) {
                problems.add(wrongPnl + " finished trades whose PnL is not payout + exit proceeds - entry cost - fees");
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

    static BigDecimal dollars(long units) {
        return new BigDecimal(units).movePointLeft(4);
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

    /** How long the event in force has until its close, by the world's clock. */
    Duration timeToClose() {
        Instant now = clock.instant();
        return Duration.between(now, EventTicker.nextClose(now));
    }

    /**
     * While recio is down: moves the world through the close of the events in force and waits until the exchange has
     * settled them (determined at the close, as the fixed index is known; paid 60 s later).
     */
    void settleCurrentEvents() throws InterruptedException {
        Instant close = EventTicker.nextClose(clock.instant());
        clock.jumpTo(close.plusSeconds(1));
        awaitMarkets(close, "determined", Duration.ofSeconds(30));
        clock.jumpTo(close.plusSeconds(1 + 61));
        awaitMarkets(close, "finalized", Duration.ofSeconds(30));
    }

    /** Waits until every market of the events closing at {@code close} is settled; whether they came to be. */
    boolean awaitSettled(Instant close, Duration within) throws InterruptedException {
        return awaitMarkets(close, "finalized", within);
    }

    /** Waits until every market of the events closing at {@code close} has this status; whether they came to. */
    boolean awaitMarkets(Instant close, String status, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            boolean all = true;
            for (Symbol symbol : Symbol.values()) {
                String event = EventTicker.aboveBelow(symbol, close).toString();
                all &= StreamSupport.stream(exchange.get("/markets?event_ticker=" + event).get("markets").spliterator(),
                        false).allMatch(m -> status.equals(m.get("status").asString()));
            }
            if (all) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** An open BTC market not about to close whose asks an order at 0.99 takes, picked by the run's seed. */
    Optional<String> marketToTrade(Random random) {
        Instant soon = clock.instant().plus(Duration.ofMinutes(2));
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
}
