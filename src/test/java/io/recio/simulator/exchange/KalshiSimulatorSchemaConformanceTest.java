package io.recio.simulator.exchange;

import static io.recio.simulator.exchange.SimulatorFixture.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every REST answer and WebSocket message the simulator produces, checked against the schemas saved
 * in {@code reference/kalshi-openapi-endpoints/*.yaml} and {@code reference/kalshi-asyncapi.yaml}.
 */
class KalshiSimulatorSchemaConformanceTest {

    static SimulatorFixture sim;
    static final String NEXT_ATM = "KXBTCD-26SEP2517-T89999.99";
    static final List<JsonNode> wsMessages = new ArrayList<>();

    @BeforeAll
    static void tradeThroughAnHourAndIntoTheNext() {
        sim = new SimulatorFixture();
        sim.clock.set(Instant.parse("2026-09-25T19:00:00Z"));
        sim.simulator.tick();
        try (KalshiTestClient.Ws ws = sim.client.connect(sim.simulator.wsUrl())) {
            ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\",\"ticker\",\"trade\","
                    + "\"fill\",\"user_orders\",\"market_positions\"],\"market_tickers\":[\"" + SimulatorFixture.ATM + "\"]}}");
            ws.send("{\"id\":2,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"market_lifecycle_v2\"]}}");
            ws.send("{\"id\":3,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"cfbenchmarks_value\"],\"index_ids\":[\"BRTI\"]}}");
            for (int i = 0; i < 8; i++) {
                wsMessages.add(ws.next("subscribed"));
            }
            String ask = sim.market(SimulatorFixture.ATM).get("yes_ask_dollars").asString();
            sim.client.post("/portfolio/events/orders", order(SimulatorFixture.ATM, "bid", ask, "5", "immediate_or_cancel"));
            sim.client.post("/portfolio/events/orders", order(SimulatorFixture.ATM, "bid", "0.1000", "2", "good_till_canceled"));
            ws.send("{\"id\":4,\"cmd\":\"list_subscriptions\"}");
            ws.send("{\"id\":5,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1,\"market_tickers\":[\""
                    + SimulatorFixture.ATM + "\"],\"action\":\"add_markets\"}}");
            ws.send("{\"id\":6,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"nope\"]}}");
            for (int second = 0; second < 62 * 60; second += 30) {
                sim.clock.advance(Duration.ofSeconds(30));
                sim.simulator.tick();
            }
            ws.send("{\"id\":7,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[2]}}");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                wsMessages.addAll(ws.drain());
                return wsMessages.stream().anyMatch(m -> m.path("type").asString("").equals("unsubscribed"));
            });
        }
        String ask = sim.market(NEXT_ATM).get("yes_ask_dollars").asString();
        sim.client.post("/portfolio/events/orders", order(NEXT_ATM, "bid", ask, "3", "immediate_or_cancel"));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static void conforms(String file, String path, String method, String status, KalshiTestClient.Reply reply) {
        assertThat(reply.status()).as(file + " status; body " + reply.body()).isEqualTo(Integer.parseInt(status));
        SchemaChecker checker = new SchemaChecker(SchemaChecker.reference("kalshi-openapi-endpoints/" + file));
        assertThat(checker.check(reply.body(), checker.response(path, method, status))).as(file).isEmpty();
    }

    private static String restingOrder() {
        return sim.client.post("/portfolio/events/orders", order(NEXT_ATM, "bid", "0.1000", "4", "good_till_canceled"))
                .body().get("order_id").asString();
    }

    @Test
    void exchangeAndMarketDataAnswersMatchTheirSchemas() {
        conforms("get-exchange-status.yaml", "/exchange/status", "get", "200", sim.anonymous.get("/exchange/status"));
        conforms("get-exchange-schedule.yaml", "/exchange/schedule", "get", "200", sim.anonymous.get("/exchange/schedule"));
        conforms("get-series.yaml", "/series/{series_ticker}", "get", "200", sim.anonymous.get("/series/KXBTCD"));
        conforms("get-events.yaml", "/events", "get", "200", sim.anonymous.get("/events?with_nested_markets=true"));
        conforms("get-event.yaml", "/events/{event_ticker}", "get", "200",
                sim.anonymous.get("/events/KXBTCD-26SEP2516?with_nested_markets=true"));
        conforms("get-markets.yaml", "/markets", "get", "200", sim.anonymous.get("/markets?limit=1000"));
        conforms("get-market.yaml", "/markets/{ticker}", "get", "200", sim.anonymous.get("/markets/" + SimulatorFixture.ATM));
        conforms("get-market.yaml", "/markets/{ticker}", "get", "200", sim.anonymous.get("/markets/" + NEXT_ATM));
        conforms("get-market-orderbook.yaml", "/markets/{ticker}/orderbook", "get", "200",
                sim.anonymous.get("/markets/" + NEXT_ATM + "/orderbook"));
        conforms("get-multiple-market-orderbooks.yaml", "/markets/orderbooks", "get", "200",
                sim.anonymous.get("/markets/orderbooks?tickers=" + NEXT_ATM));
        conforms("get-trades.yaml", "/markets/trades", "get", "200", sim.anonymous.get("/markets/trades"));
    }

    @Test
    void portfolioAnswersMatchTheirSchemas() {
        conforms("get-balance.yaml", "/portfolio/balance", "get", "200", sim.client.get("/portfolio/balance"));
        KalshiTestClient.Reply positions = sim.client.get("/portfolio/positions");
        assertThat(positions.body().get("market_positions").size()).isPositive();
        conforms("get-positions.yaml", "/portfolio/positions", "get", "200", positions);
        conforms("get-fills.yaml", "/portfolio/fills", "get", "200", sim.client.get("/portfolio/fills"));
        KalshiTestClient.Reply settlements = sim.client.get("/portfolio/settlements");
        assertThat(settlements.body().get("settlements").size()).isPositive();
        conforms("get-settlements.yaml", "/portfolio/settlements", "get", "200", settlements);
        conforms("get-orders.yaml", "/portfolio/orders", "get", "200", sim.client.get("/portfolio/orders"));
        String id = restingOrder();
        conforms("get-order.yaml", "/portfolio/orders/{order_id}", "get", "200", sim.client.get("/portfolio/orders/" + id));
    }

    @Test
    void orderWritesMatchTheirSchemas() {
        Map<String, Object> create = order(NEXT_ATM, "bid", "0.1000", "4", "good_till_canceled");
        create.put("client_order_id", "schema-1");
        conforms("create-order-v2.yaml", "/portfolio/events/orders", "post", "201",
                sim.client.post("/portfolio/events/orders", create));
        String id = restingOrder();
        Map<String, Object> amend = new LinkedHashMap<>(Map.of("ticker", NEXT_ATM, "side", "bid", "price", "0.1100", "count", "6"));
        conforms("amend-order-v2.yaml", "/portfolio/events/orders/{order_id}/amend", "post", "200",
                sim.client.post("/portfolio/events/orders/" + id + "/amend", amend));
        conforms("decrease-order-v2.yaml", "/portfolio/events/orders/{order_id}/decrease", "post", "200",
                sim.client.post("/portfolio/events/orders/" + id + "/decrease", Map.of("reduce_by", "1")));
        conforms("cancel-order-v2.yaml", "/portfolio/events/orders/{order_id}", "delete", "200",
                sim.client.delete("/portfolio/events/orders/" + id, null));
        KalshiTestClient.Reply batch = sim.client.post("/portfolio/events/orders/batched", Map.of("orders", List.of(
                order(NEXT_ATM, "bid", "0.1000", "1", "good_till_canceled"), order(NEXT_ATM, "bid", "0.1000", "0", "good_till_canceled"))));
        conforms("batch-create-orders-v2.yaml", "/portfolio/events/orders/batched", "post", "201", batch);
        String batched = batch.body().get("orders").get(0).get("order_id").asString();
        conforms("batch-cancel-orders-v2.yaml", "/portfolio/events/orders/batched", "delete", "200",
                sim.client.delete("/portfolio/events/orders/batched", Map.of("orders", List.of(Map.of("order_id", batched)))));
    }

    @Test
    void errorBodiesMatchTheErrorResponseSchema() {
        SchemaChecker checker = new SchemaChecker(SchemaChecker.reference("kalshi-openapi-endpoints/create-order-v2.yaml"));
        for (KalshiTestClient.Reply reply : List.of(sim.anonymous.get("/portfolio/balance"),
                sim.client.post("/portfolio/events/orders", "{}"), sim.anonymous.get("/markets/NOPE"))) {
            assertThat(checker.check(reply.body().get("error"), checker.schema("ErrorResponse"))).isEmpty();
        }
    }

    @Test
    void everyWebSocketMessageMatchesItsAsyncApiSchema() {
        SchemaChecker checker = new SchemaChecker(SchemaChecker.reference("kalshi-asyncapi.yaml"));
        Map<String, String> schemaOf = Map.ofEntries(Map.entry("subscribed", "subscribedResponsePayload"),
                Map.entry("unsubscribed", "unsubscribedResponsePayload"), Map.entry("error", "errorResponsePayload"),
                Map.entry("orderbook_snapshot", "orderbookSnapshotPayload"), Map.entry("orderbook_delta", "orderbookDeltaPayload"),
                Map.entry("ticker", "tickerPayload"), Map.entry("trade", "tradePayload"), Map.entry("fill", "fillPayload"),
                Map.entry("user_order", "userOrderPayload"), Map.entry("market_position", "marketPositionPayload"),
                Map.entry("market_lifecycle_v2", "marketLifecycleV2Payload"), Map.entry("event_lifecycle", "eventLifecyclePayload"),
                Map.entry("cfbenchmarks_value", "cfbenchmarksValuePayload"));
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (JsonNode message : wsMessages) {
            String type = message.get("type").asString();
            String schema = type.equals("ok")
                    ? (message.get("msg").isArray() ? "listSubscriptionsResponsePayload" : "okResponsePayload")
                    : schemaOf.get(type);
            assertThat(schema).as("a schema for " + type).isNotNull();
            assertThat(checker.check(message, checker.schema(schema))).as(message.toString()).isEmpty();
            seen.merge(type, 1, Integer::sum);
        }
        assertThat(seen).containsKeys("subscribed", "unsubscribed", "error", "ok", "orderbook_snapshot", "orderbook_delta",
                "ticker", "trade", "fill", "user_order", "market_position", "market_lifecycle_v2", "event_lifecycle",
                "cfbenchmarks_value");
    }
}
