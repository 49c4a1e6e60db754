package io.recio.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.simulator.exchange.KalshiExchangeSimulator;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.testsupport.ConsoleClient;
import io.recio.testsupport.ExchangeClient;
import io.recio.testsupport.FixedPrices;
import io.recio.testsupport.PostgresTestDatabase;
import io.recio.testsupport.RecioChild;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's one trading leader: two recio child processes in live mode on one PostgreSQL database and one
 * Kalshi account (the exchange simulator in this JVM). Exactly one holds the trading lease and trades; the other
 * serves the console read-only and says who leads. Killed with SIGKILL, the leader is replaced within 10 s by the
 * standby, which reconciles and trades; paused with SIGSTOP past its lease and resumed, it steps down and sends
 * nothing.
 */
class TradingLeaseProcessTest {

    static final String ADMIN_PASSWORD = "lease-test-password-1";
    static final Duration TAKEOVER = Duration.ofSeconds(10);

    final List<Process> children = new ArrayList<>();
    final List<Path> logs = new ArrayList<>();
    KalshiExchangeSimulator simulator;
    KalshiExchangeSimulator.Credentials account;
    ExchangeClient exchange;
    Path work;
    Path keyFile;
    String database;

    @RegisterExtension
    final TestWatcher printChildLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (Path log : logs) {
                try {
                    String text = Files.readString(log);
                    System.err.println("===== " + log + " =====\n" + text.substring(Math.max(0, text.length() - 20_000)));
                } catch (IOException e) {
                    System.err.println("cannot read " + log + ": " + e);
                }
            }
        }
    };

    @BeforeEach
    void exchangeAndDatabase() throws IOException {
        database = PostgresTestDatabase.fresh("lease");
        work = Files.createTempDirectory("recio-lease");
        simulator = new KalshiExchangeSimulator(new FixedPrices(Clock.systemUTC(), "90000", "3000"), new FaultSwitches(),
                Clock.systemUTC(), KalshiSimulatorSettings.defaults().withRateLimited(false));
        simulator.start("127.0.0.1", 0, true);
        account = simulator.provisionAccount();
        exchange = ExchangeClient.of(simulator.restUrl(), account.keyId(), account.privateKeyPem());
        keyFile = work.resolve("kalshi.key");
        Files.writeString(keyFile, account.privateKeyPem());
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(20, TimeUnit.SECONDS);
        }
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Test
    void whenTheLeaderIsKilledTheStandbyTakesOverWithinTenSecondsReconcilesAndTrades() throws Exception {
        Instance first = start("a");
        awaitLeading(first);
        Instance second = start("b");
        JsonNode standby = await("the second instance to be a standby").atMost(Duration.ofSeconds(60))
                .until(() -> second.console().get("/api/trading/status"), s -> s.has("lead_by")
                        && !s.get("lead_by").asString().isEmpty());
        assertThat(standby.get("leader").asBoolean()).isFalse();
        assertThat(standby.get("trading_on").asBoolean()).isFalse();
        assertThat(standby.get("lead_by").asString()).contains("pid " + first.process().pid());

        first.process().destroyForcibly();
        assertThat(first.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        Instant killed = Instant.now();
        awaitLeading(second);
        assertThat(Duration.between(killed, Instant.now())).as("takeover").isLessThanOrEqualTo(TAKEOVER);

        // no entry goes out before a BTC price is known (the risk limits' stale-data check)
        await("a BTC price").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !"none".equals(second.console().get("/api/services/symbol_price_watchdog_btc/health")
                        .path("details").path("source").asString("none")));
        String ticker = marketToTrade().orElseThrow().get("ticker").asString();
        HttpResponse<String> bought = second.console().request("POST", "/api/trades", Map.of("ticker", ticker,
                "side", "yes", "count", 1, "worst_price", "0.99"), "application/json");
        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(201);
        assertThat(exchangeOrders()).hasSize(1);
    }

    @Test
    void aLeaderPausedPastItsLeaseStepsDownWhenResumedWithoutSending() throws Exception {
        Instance first = start("a");
        awaitLeading(first);
        Instance second = start("b");
        await("the standby to be up").atMost(Duration.ofSeconds(120))
                .until(() -> !second.console().get("/api/trading/status").get("leader").asBoolean());

        signal("STOP", first.process());
        try {
            awaitLeading(second);
        } finally {
            signal("CONT", first.process());
        }
        await("the resumed instance to step down").atMost(Duration.ofSeconds(10))
                .until(() -> !first.console().get("/api/trading/status").get("leader").asBoolean());

        String ticker = marketToTrade().orElseThrow().get("ticker").asString();
        HttpResponse<String> refused = first.console().request("POST", "/api/trades", Map.of("ticker", ticker,
                "side", "yes", "count", 1, "worst_price", "0.99"), "application/json");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("trading lease");
        assertThat(exchangeOrders()).as("nothing sent by the instance that lost the lease").isEmpty();
        assertThat(second.console().get("/api/trading/status").get("leader").asBoolean()).isTrue();
    }

    /** A running child: its process and a signed-in console session. */
    record Instance(Process process, ConsoleClient console) {
    }

    Instance start(String name) throws IOException {
        int port = RecioChild.freePort();
        Path dir = Files.createDirectories(work.resolve(name));
        Path log = Path.of("target", "lease-child-" + name + ".log").toAbsolutePath();
        logs.add(log);
        Process process = RecioChild.live(dir, port, simulator, account.keyId(), keyFile).withoutCoinbase()
                .adminPassword(ADMIN_PASSWORD).postgres(database).start(log);
        children.add(process);
        return new Instance(process, ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD));
    }

    void awaitLeading(Instance instance) {
        await("instance " + instance.process().pid() + " to lead and trade").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    JsonNode s = instance.console().get("/api/trading/status");
                    return s.get("leader").asBoolean() && s.get("trading_on").asBoolean();
                });
    }

    static void signal(String name, Process process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + name).isTrue();
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
}
