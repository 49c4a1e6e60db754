package io.recio.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.recio.market.Symbol;
import io.recio.simulator.faults.FaultSwitches;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole demo (simulated exchange and feed over real sockets, every service run by ops): a frozen Coinbase
 * feed alone hands the price over to Kalshi's index and trading goes on; with the index stopped too, new entries
 * are suspended within the staleness limit, and trading resumes by itself once prices return.
 */
@SpringBootTest(properties = {"recio.services.autostart=true", "recio.mode=demo", "recio.simulator.enabled=true",
        "recio.feeds.demo-history-days=1", "recio.feeds.stale-after=2s", "recio.ops.detector.start-grace=0s",
        "recio.ops.detector.price-stale-after=5s", "recio.ops.detector.strike-table-stale-after=10s",
        "recio.ops.detector.calm-period=3s"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StalePricesSuspendTradingTest {

    @DynamicPropertySource
    static void simulatorPorts(DynamicPropertyRegistry registry) throws IOException {
        // recio's clients reach the simulators through the port manifest: free ports, not 0
        registry.add("recio.ports.simulator-kalshi", StalePricesSuspendTradingTest::freePort);
        registry.add("recio.ports.simulator-coinbase", StalePricesSuspendTradingTest::freePort);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
                .contains("BTC price is older than 5 s").contains("ETH price is older than 5 s");

        faults.reset();
        await("trading resumes by itself after the calm period").atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(500)).until(() -> "ACTIVE".equals(mode()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM system.incident_entry WHERE text LIKE 'suspended new entries: %'")
                .query(Long.class).single()).isPositive();
    }
}
