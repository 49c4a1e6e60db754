package io.recio.ops;

import io.recio.testsupport.RecioChild;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.recio.RecioProperties;
import io.recio.market.Symbol;
import io.recio.simulator.faults.FaultSwitches;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole demo (simulated exchange and feed over real sockets, every service run by ops): a frozen Coinbase
 * feed alone hands the price over to Kalshi's index and trading goes on; with the index stopped too, new entries
 * are suspended within the staleness limit, and trading resumes by itself once prices return. What a trader calls
 * trouble at Kalshi (half the REST calls failing, 15 s answers, the exchange pausing trading) makes
 * kalshi_api_watchdog DEGRADED within seconds and, past its limit, suspends entries. And after such a session no
 * log file holds a password, a private key or a token.
 */
@SpringBootTest(properties = {"recio.services.autostart=true", "recio.mode=demo", "recio.simulator.enabled=true",
        "recio.feeds.demo-history-days=1", "recio.feeds.stale-after=2s", "recio.ops.detector.start-grace=0s",
        "recio.ops.detector.price-stale-after=5s", "recio.ops.detector.strike-table-stale-after=10s",
        "recio.ops.detector.calm-period=3s", "recio.ops.alerts.telegram.bot-token=987:telegram-secret-token",
        "recio.ops.alerts.telegram.chat-id=1", "recio.ops.alerts.telegram.base-url=http://127.0.0.1:9",
        "recio.ops.alerts.sms.account-sid=AC9", "recio.ops.alerts.sms.auth-token=twilio-secret-token",
        "recio.ops.alerts.sms.from=+15550001", "recio.ops.alerts.sms.to=+15550002",
        "recio.ops.alerts.sms.base-url=http://127.0.0.1:9"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
// Its background services would go on running in the context cache and starve the tests after it.
@DirtiesContext
class DemoOperationsTest {

    /** The first admin's password in the test profile. */
    static final String ADMIN_PASSWORD = "admin-test-password";

    @DynamicPropertySource
    static void simulatorPorts(DynamicPropertyRegistry registry) throws IOException {
        // recio's clients reach the simulators through the port manifest: free ports, not 0
        registry.add("recio.ports.simulator-kalshi", RecioChild::freePort);
        registry.add("recio.ports.simulator-coinbase", RecioChild::freePort);
    }


    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    FaultSwitches faults;

    @Autowired
    ManagedServices services;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecioProperties recio;

    @Autowired
    ApplicationEventPublisher events;

    @AfterEach
    void faultsOff() {
        faults.reset();
    }

    private JsonNode trading() throws Exception {
        return json.readTree(mvc.perform(get("/api/trading/status").with(user("trader"))).andReturn().getResponse()
                .getContentAsString());
    }

    private String mode() throws Exception {
        return trading().path("mode").asString();
    }

    private Object btcSource() {
        return services.health(ServiceName.symbolPriceWatchdog(Symbol.BTC)).orElseThrow().details().get("source");
    }

    @Test
    void bothPriceSourcesStaleSuspendEntriesWhileTheFeedAloneFallsBack() throws Exception {
        await("trading on after the start-up reconciliation").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).until(() -> "ACTIVE".equals(mode()));

        faults.feedFrozen(true);
        await("Kalshi's index takes over").atMost(Duration.ofSeconds(20))
                .until(() -> "kalshi-cfbenchmarks".equals(btcSource()));
        await("trading goes on on the fallback").during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15))
                .until(() -> "ACTIVE".equals(mode()));

        faults.indexStopped(true);
        await("entries suspended within the 5 s limit (and a detector cycle)").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200)).until(() -> "REDUCING".equals(mode()));
        JsonNode suspended = trading();
        assertThat(suspended.path("holds").get(0).path("kind").asString()).isEqualTo("SUSPENSION");
        assertThat(suspended.path("holds").get(0).path("reason").asString())
                .containsPattern("(BTC|ETH) price is older than 5 s");

        faults.reset();
        await("trading resumes by itself after the calm period").atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(500)).until(() -> "ACTIVE".equals(mode()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM system.incident_entry WHERE text LIKE 'suspended new entries: %'")
                .query(Long.class).single()).isPositive();
    }

    private ServiceHealth watchdog() {
        return services.health(ServiceName.KALSHI_API_WATCHDOG).orElseThrow();
    }

    /** Waits for the watchdog to report trouble of this impact; answers how long it took (a figure, not a limit). */
    private Duration untilWatchdog(TradingImpact impact, Duration atMost) {
        long t0 = System.nanoTime();
        await("kalshi_api_watchdog DEGRADED with " + impact).atMost(atMost).pollInterval(Duration.ofMillis(100))
                .failFast("the venue's trouble FAILED the watchdog", () -> watchdog().state() == ServiceState.FAILED)
                .until(() -> watchdog().state() == ServiceState.DEGRADED && watchdog().tradingImpact() == impact);
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private void tradingOn() {
        await("trading on").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> "ACTIVE".equals(mode()) && watchdog().state() == ServiceState.RUNNING);
    }

    private void entriesSuspendedFor(String reason) throws Exception {
        await("entries suspended").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> "REDUCING".equals(mode()));
        assertThat(trading().path("holds").toString()).contains(reason);
    }

    @Test
    void halfOfKalshisCallsFailingDegradeTheWatchdogAndMostFailingSuspendEntries() throws Exception {
        tradingOn();

        faults.errors(0.5, 500);
        // at 50 % the window's share sits on the suspension threshold: DEGRADED for the failing calls, either impact.
        // The share counts only once the 30 s window holds 5 calls, and with the WebSocket up the watchdog's own
        // status reads may be all the REST calls there are (one every few seconds), so the wait spans a window.
        long t0 = System.nanoTime();
        await("kalshi_api_watchdog DEGRADED for the failing calls").atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(100))
                .failFast("a venue's 500s FAILED the watchdog", () -> watchdog().state() == ServiceState.FAILED)
                .until(() -> watchdog().state() == ServiceState.DEGRADED && String.valueOf(watchdog().lastError())
                        .contains("Kalshi REST calls in the last 30 s got no answer"));
        Duration degraded = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println("50% of Kalshi REST calls failing: kalshi_api_watchdog DEGRADED after " + degraded.toMillis() + " ms");

        faults.errors(0.9, 503);
        Duration suspended = untilWatchdog(TradingImpact.SUSPEND_ENTRIES, Duration.ofSeconds(45));
        entriesSuspendedFor("Kalshi REST calls");
        System.out.println("90% failing: entries suspended after " + suspended.toMillis() + " ms more");

        faults.reset();
        await("trading resumes once the failures leave the window").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> "ACTIVE".equals(mode()));
    }

    @Test
    void fifteenSecondAnswersFromKalshiSuspendEntries() throws Exception {
        tradingOn();

        faults.latencyMillis(15_000);
        Duration suspended = untilWatchdog(TradingImpact.SUSPEND_ENTRIES, Duration.ofSeconds(30));
        entriesSuspendedFor("Kalshi REST calls are slow");
        System.out.println("15 s Kalshi latency: entries suspended after " + suspended.toMillis() + " ms");

        faults.reset();
        await("trading resumes once the slow calls leave the window").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> "ACTIVE".equals(mode()));
    }

    @Test
    void theExchangePausingTradingSuspendsEntriesWithinTheStatusInterval() throws Exception {
        tradingOn();

        faults.tradingPaused(true);
        Duration suspended = untilWatchdog(TradingImpact.SUSPEND_ENTRIES, Duration.ofSeconds(10));
        entriesSuspendedFor("Kalshi trading is paused (exchange status)");
        System.out.println("exchange trading pause: entries suspended after " + suspended.toMillis() + " ms");

        faults.reset();
        await("trading resumes after the calm period").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> "ACTIVE".equals(mode()));
    }

    @Test
    void afterADemoSessionNoLogHoldsAPasswordAKeyOrAToken() throws Exception {
        await("trading on").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> "ACTIVE".equals(mode()));
        mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", "wrong-password-1"));
        mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", ADMIN_PASSWORD));
        events.publishEvent(new AlertRaised("SERVICE_FAILED", AlertSeverity.CRITICAL, "test", "a test of the logs"));
        await("the alert's failed deliveries").atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM system.alert_delivery WHERE NOT ok").query(Long.class).single() >= 2);

        JsonNode credentials = json.readTree(Files.readString(recio.dataDir().resolve(
                "simulator/demo-credentials.json")));
        List<String> keyLines = credentials.path("private_key_pem").asString().lines()
                .filter(l -> !l.startsWith("-----") && l.length() > 20).toList();
        List<String> secrets = new ArrayList<>(List.of(ADMIN_PASSWORD, "wrong-password-1", "telegram-secret-token",
                "twilio-secret-token"));
        secrets.addAll(keyLines);
        Path logs = recio.dataDir().resolve("logs");
        List<Path> files;
        try (Stream<Path> list = Files.list(logs)) {
            files = list.toList();
        }
        assertThat(files).as("the application log and the services' logs").extracting(p -> p.getFileName().toString())
                .contains("recio.log", "kalshi_api_watchdog.log", "alert_dispatcher.log");
        for (Path file : files) {
            String text = file.toString().endsWith(".gz")
                    ? new String(new GZIPInputStream(Files.newInputStream(file)).readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(file);
            for (String secret : secrets) {
                assertThat(text).as(file.getFileName() + " must not hold a secret").doesNotContain(secret);
            }
        }
    }
}
