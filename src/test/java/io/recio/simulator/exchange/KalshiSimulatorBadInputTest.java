package io.recio.simulator.exchange;

import static io.recio.simulator.exchange.SimulatorFixture.ATM;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KalshiSimulatorBadInputTest {

    static SimulatorFixture sim;
    static KalshiTestClient poor;

    @BeforeAll
    static void start() {
        sim = new SimulatorFixture();
        sim.clock.set(java.time.Instant.parse("2026-09-25T19:59:00Z"));
        sim.simulator.tick();
        poor = new KalshiTestClient(sim.simulator.restUrl(), sim.simulator.provisionAccount(io.recio.market.Money.ofCents(50)),
                sim.clock);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String order(String fields) {
        return "{\"ticker\":\"" + ATM + "\",\"side\":\"bid\",\"price\":\"0.4000\",\"count\":\"1\","
                + "\"time_in_force\":\"good_till_canceled\",\"self_trade_prevention_type\":\"taker_at_cross\"" + fields + "}";
    }

    private static String without(String field) {
        JsonNode node = KalshiTestClient.JSON.readTree(order(""));
        ((tools.jackson.databind.node.ObjectNode) node).remove(field);
        return node.toString();
    }

    private static String state(KalshiTestClient who) {
        return who.get("/portfolio/balance").body().get("balance").asString()
                + who.get("/portfolio/orders").body().get("orders").size()
                + sim.anonymous.get("/markets/" + ATM + "/orderbook").body()
                + sim.anonymous.get("/markets/trades?limit=1000").body().get("trades").size();
    }

    private static void refused(KalshiTestClient who, String method, String path, String body, int status, String code) {
        String before = state(who);
        KalshiTestClient.Reply reply = who.send(method, path, body, Duration.ofSeconds(5));
        assertThat(reply.status()).as(method + " " + path + " " + body).isEqualTo(status);
        assertThat(reply.body().get("error").get("code").asString()).as(body).isEqualTo(code);
        assertThat(reply.body().get("error").get("message").asString()).isNotBlank();
        assertThat(state(who)).as("state after " + body).isEqualTo(before);
    }

    @Test
    void malformedOrMissingInputIsA400() {
        String path = "/portfolio/events/orders";
        refused(sim.client, "POST", path, "{not json", 400, "bad_request");
        refused(sim.client, "POST", path, "", 400, "bad_request");
        refused(sim.client, "POST", path, "[1,2]", 400, "invalid_parameters");
        for (String field : new String[] {"ticker", "side", "price", "count", "time_in_force", "self_trade_prevention_type"}) {
            refused(sim.client, "POST", path, without(field), 400, "invalid_parameters");
        }
        refused(sim.client, "POST", path, order(",\"side\":\"buy\"").replace("\"side\":\"bid\",", ""), 400, "invalid_parameters");
        refused(sim.client, "POST", path, order(",\"time_in_force\":\"good_till_time\"")
                .replace("\"time_in_force\":\"good_till_canceled\",", ""), 400, "invalid_parameters");
        refused(sim.client, "POST", path, order(",\"post_only\":\"yes\""), 400, "invalid_parameters");
        refused(sim.client, "POST", path, order(",\"exchange_index\":0"), 400, "invalid_parameters");
        refused(sim.client, "POST", path, order(",\"subaccount\":3"), 400, "invalid_parameters");
        refused(sim.client, "POST", path, order(",\"expiration_time\":1"), 400, "invalid_order");
    }

    @Test
    void pricesOffTheGridAndBadCountsAreRefused() {
        String path = "/portfolio/events/orders";
        refused(sim.client, "POST", path, order("").replace("0.4000", "0.4050"), 400, "invalid_order");
        refused(sim.client, "POST", path, order("").replace("0.4000", "1.0000"), 400, "invalid_order");
        refused(sim.client, "POST", path, order("").replace("0.4000", "0.0000"), 400, "invalid_order");
        refused(sim.client, "POST", path, order("").replace("0.4000", "abc"), 400, "invalid_order");
        refused(sim.client, "POST", path, order("").replace("\"count\":\"1\"", "\"count\":\"0\""), 400, "invalid_order_size");
        refused(sim.client, "POST", path, order("").replace("\"count\":\"1\"", "\"count\":\"-3\""), 400, "invalid_order_size");
        refused(sim.client, "POST", path, order("").replace("\"count\":\"1\"", "\"count\":\"1.234\""), 400, "invalid_parameters");
        refused(sim.client, "POST", path, order("").replace("\"count\":\"1\"", "\"count\":\"900000000000000\""), 400,
                "invalid_order_size");
        refused(sim.client, "POST", path, order("").replace("\"count\":\"1\"", "\"count\":\"99999999999999999999999\""), 400,
                "invalid_parameters");
        refused(sim.client, "POST", path, order("").replace("\"0.4000\"", "12"), 400, "invalid_order");
    }

    @Test
    void unknownClosedAndUnaffordableMarketsAreRefused() {
        String path = "/portfolio/events/orders";
        refused(sim.client, "POST", path, order("").replace(ATM, "KXBTCD-26SEP2516-T1.99"), 404, "not_found");
        refused(poor, "POST", path, order("").replace("\"count\":\"1\"", "\"count\":\"10\""), 400, "available_balance_too_low");
        refused(sim.client, "POST", path, order(",\"reduce_only\":true"), 400, "invalid_order");
        refused(sim.client, "DELETE", path + "/no-such-order", null, 404, "not_found");
        refused(sim.client, "POST", path + "/no-such-order/decrease", "{\"reduce_by\":\"1\",\"reduce_to\":\"0\"}", 400,
                "invalid_parameters");
        refused(sim.client, "POST", path + "/no-such-order/amend", "{\"ticker\":\"" + ATM
                + "\",\"side\":\"bid\",\"price\":\"0.5000\",\"count\":\"2\"}", 404, "not_found");
        refused(sim.client, "GET", "/portfolio/orders/nope", null, 404, "not_found");
        refused(sim.client, "GET", "/portfolio/fills?limit=5000", null, 400, "invalid_parameters");
    }

    @Test
    void aClosedMarketRefusesOrders() {
        try (SimulatorFixture closed = new SimulatorFixture()) {
            closed.clock.set(java.time.Instant.parse("2026-09-25T20:00:01Z"));
            closed.simulator.tick();
            KalshiTestClient.Reply reply = closed.client.post("/portfolio/events/orders", KalshiTestClient.JSON.readTree(order("")));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().get("error").get("code").asString()).isEqualTo("MARKET_INACTIVE");
            assertThat(closed.client.get("/portfolio/orders").body().get("orders").size()).isZero();
        }
    }
}
