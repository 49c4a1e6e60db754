package io.recio.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.testsupport.ExchangeClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14: the demo's exchange lives in recio's process, yet a kill -9 of the demo must not wipe it. A demo
 * child process buys on its built-in exchange, is killed with SIGKILL and started again on the same data
 * directory: the same API key still signs in, and the balance, the position and the order are as they were.
 */
class DemoCrashProcessTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final List<Process> children = new ArrayList<>();
    Path work;
    int mainPort;
    int kalshiPort;
    int coinbasePort;

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDemoWorldSurvivesAKillOfTheDemo() throws Exception {
        work = Files.createTempDirectory("recio-demo-crash");
        mainPort = freePort();
        kalshiPort = freePort();
        coinbasePort = freePort();
        startDemo();
        ExchangeClient member = awaitMember();
        JsonNode market = await("an open market not about to close").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> marketToTrade(member), Optional::isPresent)
                .orElseThrow();
        String ticker = market.get("ticker").asString();
        HttpResponse<String> placed = member.post("/portfolio/events/orders", Map.of("ticker", ticker,
                "client_order_id", UUID.randomUUID().toString(), "side", "bid", "count", "3.00", "price", "0.9900",
                "time_in_force", "immediate_or_cancel", "self_trade_prevention_type", "taker_at_cross"));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String balanceBefore = member.get("/portfolio/balance").get("balance").toString();
        BigDecimal positionBefore = position(member, ticker);
        List<String> ordersBefore = orderIds(member, ticker);
        assertThat(positionBefore).isEqualByComparingTo("3");

        Process demo = children.getLast();
        demo.destroyForcibly();
        assertThat(demo.waitFor(20, TimeUnit.SECONDS)).as("the demo died of SIGKILL").isTrue();
        startDemo();

        ExchangeClient again = awaitMember();
        assertThat(again.keyId()).as("the same API key").isEqualTo(member.keyId());
        assertThat(again.get("/portfolio/balance").get("balance").toString()).isEqualTo(balanceBefore);
        assertThat(position(again, ticker)).isEqualByComparingTo(positionBefore);
        assertThat(orderIds(again, ticker)).isEqualTo(ordersBefore);
    }

    void startDemo() throws IOException {
        Path log = Path.of("target", "demo-crash-child-" + (children.size() + 1) + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.recio.RecioApplication", "demo",
                "--recio.data-dir=" + work, "--recio.ports.main-app=" + mainPort,
                "--recio.ports.simulator-kalshi=" + kalshiPort, "--recio.ports.simulator-coinbase=" + coinbasePort,
                // no bot trading between the looks before the kill and after the restart
                "--recio.trading.auto-entry-at-first-start=false")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("RECIO_"));
        builder.environment().put("RECIO_ADMIN_PASSWORD", "demo-crash-password-1");
        children.add(builder.start());
    }

    /** The demo member, once its credential is written and the exchange answers it. */
    ExchangeClient awaitMember() {
        Path file = work.resolve("simulator").resolve("demo-credentials.json");
        return await("the demo exchange to answer its member").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                    JsonNode c = JSON.readTree(Files.readString(file));
                    ExchangeClient client = ExchangeClient.of(c.get("rest_url").asString(), c.get("key_id").asString(),
                            c.get("private_key_pem").asString());
                    return client.send("GET", "/portfolio/balance", null).statusCode() == 200 ? client : null;
                }, c -> c != null);
    }

    /** An open BTC market of the event closing last, with a YES ask an IOC at 0.99 takes. */
    static Optional<JsonNode> marketToTrade(ExchangeClient member) {
        Instant soon = Instant.now().plus(Duration.ofMinutes(5));
        return StreamSupport.stream(member.get("/markets?series_ticker=KXBTCD&status=open").get("markets")
                        .spliterator(), false)
                .filter(m -> Instant.parse(m.get("close_time").asString()).isAfter(soon))
                .filter(m -> m.hasNonNull("yes_ask_dollars"))
                .filter(m -> new BigDecimal(m.get("yes_ask_dollars").asString()).compareTo(new BigDecimal("0.90")) < 0)
                .max(Comparator.comparing((JsonNode m) -> m.get("close_time").asString()));
    }

    static BigDecimal position(ExchangeClient member, String ticker) {
        return StreamSupport.stream(member.get("/portfolio/positions").get("market_positions").spliterator(), false)
                .filter(p -> ticker.equals(p.get("ticker").asString()))
                .map(p -> new BigDecimal(p.get("position_fp").asString())).findFirst().orElse(BigDecimal.ZERO);
    }

    static List<String> orderIds(ExchangeClient member, String ticker) {
        return StreamSupport.stream(member.get("/portfolio/orders?ticker=" + ticker).get("orders").spliterator(), false)
                .map(o -> o.get("order_id").asString()).sorted().toList();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
