package io.recio.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.simulator.exchange.KalshiExchangeSimulator;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.testsupport.ConsoleClient;
import io.recio.testsupport.ExchangeClient;
import io.recio.testsupport.FixedPrices;
import io.recio.testsupport.RecioChild;
import io.recio.testsupport.ThrowawayPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's database restart: recio as a child process in live mode against the exchange simulator, on a PostgreSQL
 * cluster of the test's own (never the shared one), which the test crashes mid-session and starts again. While it is
 * away, database_watchdog says so, new entries are refused at once and the console answers (errors where it needs
 * the database) instead of hanging; once it is back, recio recovers by itself: every service runs, trading resumes,
 * the trade committed before is there exactly once and agrees with the exchange, and a new trade goes through.
 */
class DatabaseRestartProcessTest {

    static final String ADMIN_PASSWORD = "db-restart-password-1";
    /** What "answers instead of hanging" means here: the pool's 2 s wait for a connection, and room for a loaded host. */
    static final Duration ANSWERS_WITHIN = Duration.ofSeconds(10);

    ThrowawayPostgres postgres;
    KalshiExchangeSimulator simulator;
    ExchangeClient exchange;
    Process child;
    Path work;
    Path log;

    @RegisterExtension
    final TestWatcher printChildLogOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                String text = Files.readString(log);
                System.err.println("===== " + log + " =====\n" + text.substring(Math.max(0, text.length() - 30_000)));
            } catch (IOException | RuntimeException e) {
                System.err.println("cannot read " + log + ": " + e);
            }
        }
    };

    @AfterEach
    void stopEverything() throws Exception {
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(20, TimeUnit.SECONDS);
        }
        if (simulator != null) {
            simulator.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void postgresCrashedMidSessionSuspendsEntriesLosesNothingCommittedAndRecioRecoversWhenItReturns() throws Exception {
        postgres = ThrowawayPostgres.started();
        work = Files.createTempDirectory("recio-db-restart");
        simulator = new KalshiExchangeSimulator(new FixedPrices(Clock.systemUTC(), "90000", "3000"),
                new FaultSwitches(), Clock.systemUTC(), KalshiSimulatorSettings.defaults().withRateLimited(false));
        simulator.start("127.0.0.1", 0, true);
        KalshiExchangeSimulator.Credentials account = simulator.provisionAccount();
        exchange = ExchangeClient.of(simulator.restUrl(), account.keyId(), account.privateKeyPem());
        Path keyFile = work.resolve("kalshi.key");
        Files.writeString(keyFile, account.privateKeyPem());
        int port = RecioChild.freePort();
        log = Path.of("target", "db-restart-child.log").toAbsolutePath();
        child = RecioChild.live(Files.createDirectories(work.resolve("recio")), port, simulator, account.keyId(), keyFile)
                .withoutCoinbase().adminPassword(ADMIN_PASSWORD).postgres(postgres.url()).start(log);
        ConsoleClient console = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        awaitTrading(console, Duration.ofSeconds(120));
        await("a BTC price").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !"none".equals(console.get("/api/services/symbol_price_watchdog_btc/health")
                        .path("details").path("source").asString("none")));
        String ticker = marketToTrade().orElseThrow().get("ticker").asString();
        HttpResponse<String> bought = buy(console, ticker);
        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(201);
        long tradeId = ConsoleClient.JSON.readTree(bought.body()).get("id").asLong();

        postgres.crash();
        Instant crashed = Instant.now();
        JsonNode watchdog = await("database_watchdog to report the outage").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> console.get("/api/services/database_watchdog/health"),
                        h -> "DEGRADED".equals(h.get("state").asString()));
        System.out.println("database crashed: database_watchdog DEGRADED after "
                + Duration.between(crashed, Instant.now()).toMillis() + " ms");
        assertThat(watchdog.get("last_error").asString()).contains("the database does not answer");
        // the kill switch, unreadable, holds at once; the detector's suspension names the database within its cycle
        JsonNode status = await("entries suspended for the database").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> console.get("/api/trading/status"), s -> s.get("holds").toString().contains(
                        "database_watchdog: the database does not answer"));
        System.out.println("database crashed: suspension naming it after "
                + Duration.between(crashed, Instant.now()).toMillis() + " ms");
        assertThat(status.get("mode").asString()).isNotEqualTo("ACTIVE");
        assertThat(status.get("trading_on").asBoolean()).isFalse();

        long t0 = System.nanoTime();
        HttpResponse<String> refused = buy(console, ticker);
        Duration refusal = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println("an entry with the database down answered " + refused.statusCode() + " after "
                + refusal.toMillis() + " ms");
        assertThat(refused.statusCode()).as(refused.body()).isIn(409, 503);
        assertThat(refusal).isLessThan(ANSWERS_WITHIN);
        t0 = System.nanoTime();
        HttpResponse<String> list = console.request("GET", "/api/trades", null, "application/json");
        Duration listing = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println("the trade list with the database down answered " + list.statusCode() + " after "
                + listing.toMillis() + " ms");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(503);
        assertThat(list.body()).contains("database_unavailable");
        assertThat(listing).isLessThan(ANSWERS_WITHIN);
        assertThat(exchangeOrders()).as("nothing sent while the database was away").hasSize(1);

        postgres.start();
        Instant back = Instant.now();
        awaitTrading(console, Duration.ofSeconds(240));
        System.out.println("database back: trading ACTIVE again after " + Duration.between(back, Instant.now()).toMillis()
                + " ms");
        await("every service up again").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> notUp(console), List::isEmpty);
        assertThat(console.get("/api/services/database_watchdog/health").get("state").asString()).isEqualTo("RUNNING");

        assertThat(console.get("/api/trades/" + tradeId).get("status").asString()).isEqualTo("OPEN");
        assertThat(tradesOf(console, ticker)).as("the committed trade, once").hasSize(1);
        JsonNode reconciled = ConsoleClient.JSON.readTree(console.request("POST", "/api/admin/console",
                Map.of("line", "reconcile"), "application/json").body());
        assertThat(reconciled.get("output").asString()).as("reconciliation after the outage").startsWith("0 mismatches");
        assertThat(exchangePosition(ticker)).isEqualByComparingTo(BigDecimal.ONE);

        HttpResponse<String> again = buy(console, ticker);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(exchangeOrders()).hasSize(2);
    }

    static HttpResponse<String> buy(ConsoleClient console, String ticker) {
        return console.request("POST", "/api/trades", Map.of("ticker", ticker, "side", "yes", "count", 1,
                "worst_price", "0.99"), "application/json");
    }

    static void awaitTrading(ConsoleClient console, Duration atMost) {
        await("trading on").atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "ACTIVE".equals(console.get("/api/trading/status").get("mode").asString()));
    }

    /** Services neither RUNNING nor DEGRADED (coinbase_feed stays DEGRADED: there is no Coinbase here). */
    static List<String> notUp(ConsoleClient console) {
        return StreamSupport.stream(console.get("/api/services").spliterator(), false)
                .filter(s -> !List.of("RUNNING", "DEGRADED").contains(s.get("state").asString()))
                .map(s -> s.get("name").asString() + " " + s.get("state").asString()).toList();
    }

    List<JsonNode> tradesOf(ConsoleClient console, String ticker) {
        return StreamSupport.stream(console.get("/api/trades").spliterator(), false)
                .filter(t -> ticker.equals(t.get("ticker").asString())).toList();
    }

    /** An open BTC market of the event closing last, with a YES ask an order at 0.99 takes. */
    Optional<JsonNode> marketToTrade() {
        Instant soon = Instant.now().plus(Duration.ofSeconds(90));
        return StreamSupport.stream(exchange.get("/markets?series_ticker=KXBTCD&status=open").get("markets")
                        .spliterator(), false)
                .filter(m -> Instant.parse(m.get("close_time").asString()).isAfter(soon))
                .filter(m -> m.hasNonNull("yes_ask_dollars"))
                .filter(m -> new BigDecimal(m.get("yes_ask_dollars").asString()).compareTo(new BigDecimal("0.90")) < 0)
                .max(Comparator.comparing((JsonNode m) -> m.get("close_time").asString()));
    }

    List<JsonNode> exchangeOrders() {
        return StreamSupport.stream(exchange.get("/portfolio/orders").get("orders").spliterator(), false).toList();
    }

    BigDecimal exchangePosition(String ticker) {
        return StreamSupport.stream(exchange.get("/portfolio/positions").get("market_positions").spliterator(), false)
                .filter(p -> ticker.equals(p.get("ticker").asString()))
                .map(p -> new BigDecimal(p.get("position_fp").asString()))
                .findFirst().orElse(BigDecimal.ZERO);
    }
}
