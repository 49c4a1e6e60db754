package io.recio.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.testsupport.AheadClock;
import io.recio.testsupport.ExchangeClient;
import io.recio.testsupport.RecioChild;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

    /** The demo world's time: far from a close whatever the wall clock says, so no event closes during the test. */
    final AheadClock clock = new AheadClock();
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
        mainPort = RecioChild.freePort();
        kalshiPort = RecioChild.freePort();
        coinbasePort = RecioChild.freePort();
        clock.jumpToBeforeClose(Duration.ofMinutes(40));
        startDemo();
        ExchangeClient member = awaitMember();
        JsonNode market = await("an open market with a YES ask to take").atMost(Duration.ofSeconds(60))
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
        children.add(RecioChild.demo(work, mainPort, kalshiPort, coinbasePort)
                // no bot trading between the looks before the kill and after the restart
                .set("recio.trading.auto-entry-at-first-start", false)
                .adminPassword("demo-crash-password-1").clockAhead(clock.ahead()).start(log));
    }

    /** The demo member, once its credential is written and the exchange answers it. */
    ExchangeClient awaitMember() {
        Path file = work.resolve("simulator").resolve("demo-credentials.json");
        return await("the demo exchange to answer its member").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                    JsonNode c = JSON.readTree(Files.readString(file));
                    ExchangeClient client = ExchangeClient.of(c.get("rest_url").asString(), c.get("key_id").asString(),
                            c.get("private_key_pem").asString(), clock);
                    return client.send("GET", "/portfolio/balance", null).statusCode() == 200 ? client : null;
                }, c -> c != null);
    }

    /** An open BTC market with a YES ask an IOC at 0.99 takes. */
    static Optional<JsonNode> marketToTrade(ExchangeClient member) {
        return StreamSupport.stream(member.get("/markets?series_ticker=KXBTCD&status=open").get("markets")
                        .spliterator(), false)
                .filter(m -> m.hasNonNull("yes_ask_dollars"))
                .filter(m -> new BigDecimal(m.get("yes_ask_dollars").asString()).compareTo(new BigDecimal("0.90")) < 0)
                .findFirst();
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
}
