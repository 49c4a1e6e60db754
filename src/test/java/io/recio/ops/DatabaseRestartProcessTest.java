package io.recio.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.testsupport.ConsoleClient;
import io.recio.testsupport.ExchangeClient;
import io.recio.testsupport.RecioChild;
import io.recio.testsupport.ThrowawayPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Issue 14's database restart: the demo (recio with its built-in exchange and feed, and a day of seeded history so
 * the models are ready) as a child process on a PostgreSQL cluster of the test's own (never the shared one), which
 * the test crashes mid-session and starts again. While it is
 * away, database_watchdog says so, new entries are refused at once and the console answers (errors where it needs
 * the database) instead of hanging; once it is back, recio recovers by itself: every service runs, trading resumes,
 * the trade committed before is there exactly once and agrees with the exchange, and a new trade goes through.
 */
class DatabaseRestartProcessTest {

    static final String ADMIN_PASSWORD = "db-restart-password-1";
    /**
     * What "answers instead of hanging" means here: a request touches the database a few times, each a 2 s wait for
     * the pool, on a loaded host.
     */
    static final Duration ANSWERS_WITHIN = Duration.ofSeconds(15);

    ThrowawayPostgres postgres;
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
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void postgresCrashedMidSessionSuspendsEntriesLosesNothingCommittedAndRecioRecoversWhenItReturns() throws Exception {
        postgres = ThrowawayPostgres.started();
        work = Files.createTempDirectory("recio-db-restart");
        int port = RecioChild.freePort();
        log = Path.of("target", "db-restart-child.log").toAbsolutePath();
        child = RecioChild.demo(work, port, RecioChild.freePort(), RecioChild.freePort())
                .set("recio.feeds.demo-history-days", 1).set("recio.trading.auto-entry-at-first-start", false)
                .adminPassword(ADMIN_PASSWORD).postgres(postgres.url()).start(log);
        ConsoleClient console = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        exchange = awaitMember();
        awaitTrading(console, Duration.ofSeconds(240));
        // past the detector's start-up grace (a minute), within which nothing is trouble yet
        Instant detectorUp = Instant.parse(console.get("/api/services/cascading_failure_detector/health")
                .get("started_at").asString());
        await("the detector's start-up grace to pass").atMost(Duration.ofSeconds(120))
                .until(() -> Instant.now().isAfter(detectorUp.plusSeconds(65)));
        await("strike tables").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> console.get("/api/services/unified_production_coordinator/health").get("state")
                        .asString().equals("RUNNING"));
        // in an hour's last ten minutes none qualifies: the next hour's markets open at the top of the hour
        String ticker = await("an open market not about to close").atMost(Duration.ofMinutes(12))
                .pollInterval(Duration.ofSeconds(1)).until(this::marketToTrade, Optional::isPresent).orElseThrow()
                .get("ticker").asString();
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
        JsonNode status = await("entries suspended for the database").atMost(Duration.ofSeconds(90))
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
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("the database does not answer");
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
        HttpResponse<String> alive = console.request("GET", "/health", null, "application/json");
        assertThat(alive.statusCode()).as("liveness never depends on the database").isEqualTo(200);

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

    /** The demo exchange's member (recio's account), once its credential is written and the exchange answers it. */
    ExchangeClient awaitMember() {
        Path file = work.resolve("simulator").resolve("demo-credentials.json");
        return await("the demo exchange to answer its member").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                    JsonNode c = ConsoleClient.JSON.readTree(Files.readString(file));
                    ExchangeClient client = ExchangeClient.of(c.get("rest_url").asString(), c.get("key_id").asString(),
                            c.get("private_key_pem").asString());
                    return client.send("GET", "/portfolio/balance", null).statusCode() == 200 ? client : null;
                }, c -> c != null);
    }

    static HttpResponse<String> buy(ConsoleClient console, String ticker) {
        return console.request("POST", "/api/trades", Map.of("ticker", ticker, "side", "yes", "count", 1,
                "worst_price", "0.99"), "application/json");
    }

    static void awaitTrading(ConsoleClient console, Duration atMost) {
        await("trading on").atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "ACTIVE".equals(console.get("/api/trading/status").get("mode").asString()));
    }

    /** Services neither RUNNING nor DEGRADED. */
    static List<String> notUp(ConsoleClient console) {
        return StreamSupport.stream(console.get("/api/services").spliterator(), false)
                .filter(s -> !List.of("RUNNING", "DEGRADED").contains(s.get("state").asString()))
                .map(s -> s.get("name").asString() + " " + s.get("state").asString()).toList();
    }

    List<JsonNode> tradesOf(ConsoleClient console, String ticker) {
        return StreamSupport.stream(console.get("/api/trades").spliterator(), false)
                .filter(t -> ticker.equals(t.get("ticker").asString())).toList();
    }

    /**
     * An open BTC market closing in more than ten minutes (the outage and the recovery fit before its close) whose YES
     * ask is the highest below 0.90: a likely side, so auto-stop has no reason to sell it meanwhile.
     */
    Optional<JsonNode> marketToTrade() {
        Instant later = Instant.now().plus(Duration.ofMinutes(10));
        return StreamSupport.stream(exchange.get("/markets?series_ticker=KXBTCD&status=open").get("markets")
                        .spliterator(), false)
                .filter(m -> Instant.parse(m.get("close_time").asString()).isAfter(later))
                .filter(m -> m.hasNonNull("yes_ask_dollars"))
                .filter(m -> new BigDecimal(m.get("yes_ask_dollars").asString()).compareTo(new BigDecimal("0.90")) < 0)
                .max(Comparator.comparing((JsonNode m) -> new BigDecimal(m.get("yes_ask_dollars").asString())));
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
