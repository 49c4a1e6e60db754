package io.recio.simulator.exchange;

import static io.recio.simulator.exchange.SimulatorFixture.ATM;
import static io.recio.simulator.exchange.SimulatorFixture.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.recio.simulator.faults.FaultSwitches;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.JsonNode;

class KalshiSimulatorFaultsTest {

    SimulatorFixture sim;

    @BeforeEach
    void start() {
        sim = new SimulatorFixture();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    /** Sets switches as recio's admin API does ({@code SimulatorFaultsApiTest} covers the API itself). */
    private FaultSwitches.State admin(String json) {
        return sim.faults.apply(JSON.readValue(json, FaultSwitches.Change.class));
    }

    @Test
    void switchesSetTogetherAndResetTogether() {
        FaultSwitches.State state = admin("{\"latency_ms\":5,\"error_fraction\":0.25,\"error_status\":500}");
        assertThat(state.latencyMs()).isEqualTo(5);
        assertThat(state.errorFraction()).isEqualTo(0.25);
        assertThat(state.errorStatus()).isEqualTo(500);
        assertThat(admin("{\"reset\":true}").errorFraction()).isZero();
    }

    @Test
    void aBadValueAmongGoodOnesChangesNothing() {
        admin("{\"latency_ms\":7}");
        for (String bad : new String[] {"{\"latency_ms\":-1}", "{\"error_status\":418}", "{\"error_fraction\":2}",
                "{\"latency_ms\":1,\"error_status\":404}", "{\"trading_paused\":true,\"error_fraction\":-0.5}"}) {
            assertThatThrownBy(() -> admin(bad)).as(bad).isInstanceOf(FaultSwitches.InvalidChange.class);
        }
        assertThat(sim.faults.state().latencyMs()).isEqualTo(7);
        assertThat(sim.faults.state().errorStatus()).isEqualTo(503);
        assertThat(sim.faults.state().tradingPaused()).isFalse();
    }

    @Test
    void theSimulatorsPortHasNoAdminEndpoint() {
        assertThat(sim.anonymous.send("POST", "/simulator/faults", "{\"trading_paused\":true}", Duration.ofSeconds(5))
                .status()).isEqualTo(404);
        assertThat(sim.faults.state().tradingPaused()).isFalse();
    }

    @Test
    void addedLatencyDelaysEveryAnswer() {
        admin("{\"latency_ms\":300}");
        long start = System.nanoTime();
        assertThat(sim.anonymous.get("/exchange/status").status()).isEqualTo(200);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(300);
    }

    @Test
    void injectedErrorsAnswerWithTheChosenStatusAndKalshisBody() {
        admin("{\"error_fraction\":1,\"error_status\":500}");
        KalshiTestClient.Reply e500 = sim.client.get("/portfolio/balance");
        assertThat(e500.status()).isEqualTo(500);
        assertThat(e500.body().get("error").get("code").asString()).isEqualTo("internal_server_error");
        admin("{\"error_status\":503}");
        assertThat(sim.anonymous.get("/markets").status()).isEqualTo(503);
        admin("{\"error_status\":429}");
        KalshiTestClient.Reply e429 = sim.client.post("/portfolio/events/orders", order(ATM, "bid", "0.1000", "1", "good_till_canceled"));
        assertThat(e429.status()).isEqualTo(429);
        assertThat(e429.body().get("error").asString()).isEqualTo("too many requests");
        admin("{\"error_fraction\":0}");
        assertThat(sim.client.get("/portfolio/orders").body().get("orders").size()).isZero();
    }

    @Test
    void anOrderWhoseAnswerNeverComesStillExists() {
        admin("{\"order_response_timeout\":true}");
        Map<String, Object> body = order(ATM, "bid", "0.1000", "2", "good_till_canceled");
        body.put("client_order_id", "lost-answer-1");
        assertThatThrownBy(() -> sim.client.send("POST", "/portfolio/events/orders",
                KalshiTestClient.JSON.writeValueAsString(body), Duration.ofMillis(500)))
                .hasRootCauseInstanceOf(HttpTimeoutException.class);
        admin("{\"order_response_timeout\":false}");
        JsonNode orders = sim.client.get("/portfolio/orders").body().get("orders");
        assertThat(orders.size()).isEqualTo(1);
        assertThat(orders.get(0).get("client_order_id").asString()).isEqualTo("lost-answer-1");
        assertThat(sim.client.post("/portfolio/events/orders", body).status()).isEqualTo(409);
    }

    @Test
    void dropWebSocketsClosesEveryConnection() throws Exception {
        KalshiTestClient.Ws ws = sim.client.connect(sim.simulator.wsUrl());
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.simulator.webSocketConnections() == 1);
        admin("{\"fire\":[\"DROP_WEBSOCKETS\"]}");
        assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1001);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.simulator.webSocketConnections() == 0);
    }

    @Test
    void skipSeqLeavesOneGapInTheOrderBookStream() {
        try (KalshiTestClient.Ws ws = sim.client.connect(sim.simulator.wsUrl())) {
            ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_ticker\":\"" + ATM + "\"}}");
            long seq = ws.next("orderbook_snapshot").get("seq").asLong();
            admin("{\"fire\":[\"SKIP_SEQ\"]}");
            sim.client.post("/portfolio/events/orders", order(ATM, "bid", "0.1000", "1", "good_till_canceled"));
            JsonNode delta = ws.next("orderbook_delta");
            assertThat(delta.get("seq").asLong()).isEqualTo(seq + 2);
            sim.client.post("/portfolio/events/orders", order(ATM, "bid", "0.1100", "1", "good_till_canceled"));
            assertThat(ws.next("orderbook_delta").get("seq").asLong()).isEqualTo(seq + 3);
        }
    }

    @Test
    void aTradingPauseRefusesNewOrdersButAllowsCancels() {
        String id = sim.client.post("/portfolio/events/orders", order(ATM, "bid", "0.1000", "1", "good_till_canceled"))
                .body().get("order_id").asString();
        admin("{\"trading_paused\":true}");
        assertThat(sim.anonymous.get("/exchange/status").body().get("trading_active").asBoolean()).isFalse();
        KalshiTestClient.Reply refused = sim.client.post("/portfolio/events/orders",
                order(ATM, "bid", "0.1000", "1", "good_till_canceled"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("error").get("code").asString()).isEqualTo("trading_is_paused");
        assertThat(sim.client.delete("/portfolio/events/orders/" + id, null).status()).isEqualTo(200);
        admin("{\"trading_paused\":false}");
        assertThat(sim.anonymous.get("/exchange/status").body().get("trading_active").asBoolean()).isTrue();
    }


    @Test
    void theBasicTiersBucketsAnswer429WhenEmptied() {
        try (SimulatorFixture limited = new SimulatorFixture(true)) {
            int tooMany = 0;
            for (int i = 0; i < 15; i++) {
                KalshiTestClient.Reply reply = limited.client.post("/portfolio/events/orders",
                        order(ATM, "bid", "0.1000", "1", "good_till_canceled"));
                if (reply.status() == 429) {
                    tooMany++;
                    assertThat(reply.body().get("error").asString()).isEqualTo("too many requests");
                }
            }
            // the write bucket holds 100 tokens = 10 orders; refill is 10 orders/s
            assertThat(tooMany).isPositive();
            int readRefusals = 0;
            for (int i = 0; i < 60; i++) {
                if (limited.client.get("/portfolio/balance").status() == 429) {
                    readRefusals++;
                }
            }
            assertThat(readRefusals).isPositive();
        }
    }
}
