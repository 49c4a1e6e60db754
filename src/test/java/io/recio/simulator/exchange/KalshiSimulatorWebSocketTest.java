package io.recio.simulator.exchange;

import static io.recio.simulator.exchange.SimulatorFixture.ATM;
import static io.recio.simulator.exchange.SimulatorFixture.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KalshiSimulatorWebSocketTest {

    SimulatorFixture sim;

    @BeforeEach
    void start() {
        sim = new SimulatorFixture();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** A local order book rebuilt from snapshot + deltas, checking seq continuity per sid. */
    static final class LocalBook {
        final Map<String, Double> yes = new TreeMap<>();
        final Map<String, Double> no = new TreeMap<>();
        long lastSeq = -1;

        void apply(JsonNode message) {
            String type = message.get("type").asString();
            if (!type.equals("orderbook_snapshot") && !type.equals("orderbook_delta")) {
                return;
            }
            long seq = message.get("seq").asLong();
            if (lastSeq >= 0) {
                assertThat(seq).as("seq after " + lastSeq).isEqualTo(lastSeq + 1);
            }
            lastSeq = seq;
            JsonNode msg = message.get("msg");
            if (type.equals("orderbook_snapshot")) {
                yes.clear();
                no.clear();
                msg.path("yes_dollars_fp").forEach(l -> yes.put(l.get(0).asString(), Double.parseDouble(l.get(1).asString())));
                msg.path("no_dollars_fp").forEach(l -> no.put(l.get(0).asString(), Double.parseDouble(l.get(1).asString())));
            } else {
                Map<String, Double> side = msg.get("side").asString().equals("yes") ? yes : no;
                side.merge(msg.get("price_dollars").asString(), Double.parseDouble(msg.get("delta_fp").asString()), Double::sum);
                side.values().removeIf(v -> Math.abs(v) < 1e-9);
            }
        }
    }

    static Map<String, Double> levels(JsonNode side) {
        Map<String, Double> out = new TreeMap<>();
        side.forEach(l -> out.put(l.get(0).asString(), Double.parseDouble(l.get(1).asString())));
        return out;
    }

    @Test
    void theBookBuiltFromSnapshotAndDeltasEqualsTheRestBookWithNoSeqGap() {
        try (KalshiTestClient.Ws ws = sim.client.connect(sim.simulator.wsUrl())) {
            ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_ticker\":\"" + ATM + "\"}}");
            JsonNode subscribed = ws.next();
            assertThat(subscribed.get("type").asString()).isEqualTo("subscribed");
            assertThat(subscribed.get("msg").get("channel").asString()).isEqualTo("orderbook_delta");
            LocalBook book = new LocalBook();
            JsonNode snapshot = ws.next();
            assertThat(snapshot.get("type").asString()).isEqualTo("orderbook_snapshot");
            book.apply(snapshot);

            KalshiTestClient other = sim.newClient();
            String ask = sim.market(ATM).get("yes_ask_dollars").asString();
            sim.client.post("/portfolio/events/orders", order(ATM, "bid", ask, "500", "immediate_or_cancel"));
            String id = other.post("/portfolio/events/orders", order(ATM, "bid", "0.3000", "12", "good_till_canceled"))
                    .body().get("order_id").asString();
            other.post("/portfolio/events/orders", order(ATM, "ask", "0.7000", "8.5", "good_till_canceled"));
            other.delete("/portfolio/events/orders/" + id, null);
            sim.prices.set(io.recio.market.Symbol.BTC, "90120.00");
            sim.clock.advance(Duration.ofSeconds(1));
            sim.simulator.tick();

            JsonNode rest = sim.anonymous.get("/markets/" + ATM + "/orderbook").body().get("orderbook_fp");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                ws.drain().forEach(book::apply);
                assertThat(book.yes).isEqualTo(levels(rest.get("yes_dollars")));
                assertThat(book.no).isEqualTo(levels(rest.get("no_dollars")));
            });
            assertThat(book.lastSeq).isGreaterThan(5);
        }
    }

    @Test
    void getSnapshotResendsTheBookOnTheSameSid() {
        try (KalshiTestClient.Ws ws = sim.client.connect(sim.simulator.wsUrl())) {
            ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_tickers\":[\"" + ATM + "\"]}}");
            int sid = ws.next("subscribed").get("msg").get("sid").asInt();
            long seq = ws.next("orderbook_snapshot").get("seq").asLong();
            ws.send("{\"id\":2,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[" + sid + "],\"market_tickers\":[\""
                    + ATM + "\"],\"action\":\"get_snapshot\"}}");
            JsonNode again = ws.next("orderbook_snapshot");
            assertThat(again.get("sid").asInt()).isEqualTo(sid);
            assertThat(again.get("seq").asLong()).isEqualTo(seq + 1);
        }
    }

    @Test
    void privateChannelsReportTheOwnersFillsOrdersAndPositions() {
        try (KalshiTestClient.Ws ws = sim.client.connect(sim.simulator.wsUrl())) {
            ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"fill\",\"user_orders\",\"market_positions\",\"trade\",\"ticker\"]}}");
            for (int i = 0; i < 5; i++) {
                assertThat(ws.next().get("type").asString()).isEqualTo("subscribed");
            }
            String ask = sim.market(ATM).get("yes_ask_dollars").asString();
            sim.client.post("/portfolio/events/orders", order(ATM, "bid", ask, "3", "immediate_or_cancel"));
            JsonNode fill = ws.next("fill").get("msg");
            assertThat(fill.get("count_fp").asString()).isEqualTo("3.00");
            assertThat(fill.get("is_taker").asBoolean()).isTrue();
            assertThat(fill.get("post_position_fp").asString()).isEqualTo("3.00");
            // a client deduplicates WS and REST fills by trade_id: both must carry the same one
            assertThat(sim.client.get("/portfolio/fills?limit=1").body().get("fills").get(0).get("trade_id").asString())
                    .isEqualTo(fill.get("trade_id").asString());
            assertThat(ws.next("user_order").get("msg").get("status").asString()).isEqualTo("executed");
            assertThat(ws.next("market_position").get("msg").get("position_fp").asString()).isEqualTo("3.00");
            // another account's activity is not reported on private channels
            KalshiTestClient other = sim.newClient();
            other.post("/portfolio/events/orders", order(ATM, "bid", "0.2000", "1", "good_till_canceled"));
            sim.client.post("/portfolio/events/orders", order(ATM, "bid", "0.2100", "1", "good_till_canceled"));
            JsonNode mine = ws.next("user_order").get("msg");
            assertThat(mine.get("yes_price_dollars").asString()).isEqualTo("0.2100");
        }
    }

    @Test
    void theIndexIsPublishedEachSecondWithItsSixtySecondAverage() {
        try (KalshiTestClient.Ws ws = sim.client.connect(sim.simulator.wsUrl())) {
            ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"cfbenchmarks_value\"],\"index_ids\":[\"BRTI\"]}}");
            ws.next("subscribed");
            sim.clock.set(java.time.Instant.parse("2026-09-25T19:59:30Z"));
            sim.simulator.tick();
            JsonNode value = ws.next("cfbenchmarks_value");
            JsonNode msg = value.get("msg");
            assertThat(msg.get("index_id").asString()).isEqualTo("BRTI");
            JsonNode data = KalshiTestClient.JSON.readTree(msg.get("data").asString());
            assertThat(data.get("value").asString()).isEqualTo("90000.00");
            assertThat(msg.get("avg_60s_data").get("value").asString()).isEqualTo("90000.00000000");
            assertThat(msg.get("last_60s_windowed_average_15min").get("window_size").asInt()).isEqualTo(30);
            assertThat(value.get("seq").asLong()).isEqualTo(1);
        }
    }

    @Test
    void withTheIndexStoppedNoIndexValueIsPublishedUntilItRuns() {
        try (KalshiTestClient.Ws ws = sim.client.connect(sim.simulator.wsUrl())) {
            ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"cfbenchmarks_value\"],\"index_ids\":[\"BRTI\"]}}");
            ws.next("subscribed");
            sim.faults.indexStopped(true);
            sim.clock.set(java.time.Instant.parse("2026-09-25T19:59:30Z"));
            sim.simulator.tick();
            sim.clock.set(java.time.Instant.parse("2026-09-25T19:59:31Z"));
            sim.simulator.tick();

            sim.faults.indexStopped(false);
            sim.clock.set(java.time.Instant.parse("2026-09-25T19:59:32Z"));
            sim.simulator.tick();

            JsonNode value = ws.next("cfbenchmarks_value");
            assertThat(value.get("seq").asLong()).as("nothing was published while stopped").isEqualTo(1);
            assertThat(value.get("msg").get("received_at").asLong())
                    .isEqualTo(java.time.Instant.parse("2026-09-25T19:59:32Z").toEpochMilli());
        }
    }

    @Test
    void commandsAreAnsweredWithTheReferenceErrorCodes() {
        try (KalshiTestClient.Ws ws = sim.client.connect(sim.simulator.wsUrl())) {
            ws.send("not json");
            assertThat(ws.next().get("msg").get("code").asInt()).isEqualTo(1);
            ws.send("{\"id\":2,\"cmd\":\"subscribe\"}");
            assertThat(ws.next().get("msg").get("code").asInt()).isEqualTo(2);
            ws.send("{\"id\":3,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"nope\"]}}");
            assertThat(ws.next().get("msg").get("code").asInt()).isEqualTo(8);
            ws.send("{\"id\":4,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"]}}");
            assertThat(ws.next().get("msg").get("code").asInt()).isEqualTo(14);
            ws.send("{\"id\":5,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"ticker\"],\"market_ticker\":\"KXBTCD-NOPE\"}}");
            JsonNode notFound = ws.next();
            assertThat(notFound.get("msg").get("code").asInt()).isEqualTo(16);
            assertThat(notFound.get("id").asInt()).isEqualTo(5);
            ws.send("{\"id\":6,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[99]}}");
            assertThat(ws.next().get("msg").get("code").asInt()).isEqualTo(7);
            ws.send("{\"id\":7,\"cmd\":\"fly\"}");
            assertThat(ws.next().get("msg").get("code").asInt()).isEqualTo(5);
            ws.send("{\"id\":8,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"trade\"]}}");
            ws.next("subscribed");
            ws.send("{\"id\":9,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"trade\"]}}");
            assertThat(ws.next().get("msg").get("code").asInt()).isEqualTo(6);
            ws.send("{\"id\":10,\"cmd\":\"list_subscriptions\"}");
            JsonNode list = ws.next();
            assertThat(list.get("type").asString()).isEqualTo("ok");
            assertThat(list.get("msg").get(0).get("channel").asString()).isEqualTo("trade");
            int sid = list.get("msg").get(0).get("sid").asInt();
            ws.send("{\"id\":11,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[" + sid + "]}}");
            assertThat(ws.next().get("type").asString()).isEqualTo("unsubscribed");
        }
    }

    @Test
    void addAndDeleteMarketsChangeWhatASubscriptionReceives() {
        String other = "KXBTCD-26SEP2516-T90099.99";
        try (KalshiTestClient.Ws ws = sim.client.connect(sim.simulator.wsUrl())) {
            ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_ticker\":\"" + ATM + "\"}}");
            int sid = ws.next("subscribed").get("msg").get("sid").asInt();
            ws.next("orderbook_snapshot");
            ws.send("{\"id\":2,\"cmd\":\"update_subscription\",\"params\":{\"sid\":" + sid + ",\"market_tickers\":[\""
                    + other + "\"],\"action\":\"add_markets\"}}");
            JsonNode ok = ws.next("ok");
            assertThat(ok.get("msg").get("market_tickers").toString()).contains(other);
            assertThat(ws.next("orderbook_snapshot").get("msg").get("market_ticker").asString()).isEqualTo(other);
            ws.send("{\"id\":3,\"cmd\":\"update_subscription\",\"params\":{\"sid\":" + sid + ",\"market_tickers\":[\""
                    + ATM + "\"],\"action\":\"delete_markets\"}}");
            assertThat(ws.next("ok").get("msg").get("market_tickers").toString()).doesNotContain(ATM);
        }
    }

    @Test
    void theServerPingsEveryTenSecondsWithHeartbeat() throws Exception {
        try (KalshiTestClient.Ws ws = sim.client.connect(sim.simulator.wsUrl())) {
            assertThat(ws.firstPing.get(15, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("heartbeat");
        }
    }
}
