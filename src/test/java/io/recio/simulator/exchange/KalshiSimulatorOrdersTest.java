package io.recio.simulator.exchange;

import static io.recio.simulator.exchange.SimulatorFixture.ATM;
import static io.recio.simulator.exchange.SimulatorFixture.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KalshiSimulatorOrdersTest {

    static SimulatorFixture sim;

    @BeforeAll
    static void start() {
        sim = new SimulatorFixture();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String bestAsk() {
        return sim.market(ATM).get("yes_ask_dollars").asString();
    }

    private static long bestAskSize() {
        return (long) Double.parseDouble(sim.market(ATM).get("yes_ask_size_fp").asString());
    }

    @Test
    void aDuplicateClientOrderIdIsRefusedWith409AndCreatesNothing() {
        KalshiTestClient me = sim.newClient();
        Map<String, Object> body = order(ATM, "bid", "0.1000", "1", "good_till_canceled");
        body.put("client_order_id", "trade-7-attempt-1");
        KalshiTestClient.Reply first = me.post("/portfolio/events/orders", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("client_order_id").asString()).isEqualTo("trade-7-attempt-1");
        KalshiTestClient.Reply second = me.post("/portfolio/events/orders", body);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("error").get("code").isString()).isTrue();
        assertThat(me.get("/portfolio/orders").body().get("orders").size()).isEqualTo(1);
    }

    @Test
    void anImmediateOrCancelOrderFillsWhatIsThereAndCancelsTheRest() {
        KalshiTestClient me = sim.newClient();
        String ask = bestAsk();
        long size = bestAskSize();
        KalshiTestClient.Reply reply = me.post("/portfolio/events/orders",
                order(ATM, "bid", ask, Long.toString(size + 10), "immediate_or_cancel"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("fill_count").asString()).isEqualTo(size + ".00");
        assertThat(reply.body().get("remaining_count").asString()).isEqualTo("0.00");
        assertThat(reply.body().get("average_fill_price").asString()).isEqualTo(ask);
        JsonNode order = me.get("/portfolio/orders/" + reply.body().get("order_id").asString()).body().get("order");
        assertThat(order.get("status").asString()).isEqualTo("canceled");
        assertThat(order.get("fill_count_fp").asString()).isEqualTo(size + ".00");
        JsonNode position = me.get("/portfolio/positions").body().get("market_positions").get(0);
        assertThat(position.get("position_fp").asString()).isEqualTo(size + ".00");
    }

    @Test
    void fillOrKillFillsEverythingOrNothing() {
        KalshiTestClient me = sim.newClient();
        String ask = bestAsk();
        long size = bestAskSize();
        long before = sim.balance(me).get("balance").asLong();
        KalshiTestClient.Reply tooBig = me.post("/portfolio/events/orders",
                order(ATM, "bid", ask, Long.toString(size + 1), "fill_or_kill"));
        assertThat(tooBig.status()).isEqualTo(201);
        assertThat(tooBig.body().get("fill_count").asString()).isEqualTo("0.00");
        assertThat(sim.balance(me).get("balance").asLong()).isEqualTo(before);
        assertThat(bestAskSize()).isEqualTo(size);

        KalshiTestClient.Reply exact = me.post("/portfolio/events/orders",
                order(ATM, "bid", ask, "100", "fill_or_kill"));
        assertThat(exact.body().get("fill_count").asString()).isEqualTo("100.00");
        JsonNode fills = me.get("/portfolio/fills").body().get("fills");
        assertThat(fills.size()).isEqualTo(1);
        assertThat(fills.get(0).get("is_taker").asBoolean()).isTrue();
        // taker fee ⌈0.07 × 100 × p × (1 − p)⌉ to $0.0001
        long cents = Math.round(Double.parseDouble(ask) * 100);
        long feeUnits = (7 * 100 * cents * (100 - cents) + 99) / 100; // $0.0001, rounded up
        assertThat(fills.get(0).get("fee_cost").asString())
                .isEqualTo(String.format(java.util.Locale.ROOT, "%d.%04d00", feeUnits / 10_000, feeUnits % 10_000));
        long cost = 100 * cents + (feeUnits + 99) / 100;
        assertThat(sim.balance(me).get("balance").asLong()).isBetween(before - cost - 1, before - cost + 1);
    }

    @Test
    void aGoodTillCanceledOrderRestsReservesCollateralAndCancels() {
        KalshiTestClient me = sim.newClient();
        KalshiTestClient.Reply created = me.post("/portfolio/events/orders",
                order(ATM, "bid", "0.2000", "100", "good_till_canceled"));
        String id = created.body().get("order_id").asString();
        assertThat(created.body().get("remaining_count").asString()).isEqualTo("100.00");
        assertThat(sim.balance(me).get("balance").asLong()).isEqualTo(1_000_000 - 2_000);
        JsonNode book = sim.anonymous.get("/markets/" + ATM + "/orderbook").body().get("orderbook_fp").get("yes_dollars");
        assertThat(book.toString()).contains("[\"0.2000\",\"100.00\"]");

        KalshiTestClient.Reply canceled = me.delete("/portfolio/events/orders/" + id, null);
        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.body().get("reduced_by").asString()).isEqualTo("100.00");
        assertThat(sim.balance(me).get("balance").asLong()).isEqualTo(1_000_000);
        assertThat(me.delete("/portfolio/events/orders/" + id, null).status()).isEqualTo(400);
    }

    @Test
    void amendAndDecreaseChangeARestingOrder() {
        KalshiTestClient me = sim.newClient();
        String id = me.post("/portfolio/events/orders", order(ATM, "bid", "0.2000", "10", "good_till_canceled"))
                .body().get("order_id").asString();
        KalshiTestClient.Reply amended = me.post("/portfolio/events/orders/" + id + "/amend",
                Map.of("ticker", ATM, "side", "bid", "price", "0.2100", "count", "20"));
        assertThat(amended.status()).isEqualTo(200);
        assertThat(amended.body().get("remaining_count").asString()).isEqualTo("20.00");
        KalshiTestClient.Reply decreased = me.post("/portfolio/events/orders/" + id + "/decrease", Map.of("reduce_by", "5"));
        assertThat(decreased.body().get("remaining_count").asString()).isEqualTo("15.00");
        JsonNode order = me.get("/portfolio/orders/" + id).body().get("order");
        assertThat(order.get("yes_price_dollars").asString()).isEqualTo("0.2100");
        assertThat(order.get("remaining_count_fp").asString()).isEqualTo("15.00");
        assertThat(me.post("/portfolio/events/orders/" + id + "/amend",
                Map.of("ticker", ATM, "side", "ask", "price", "0.2100", "count", "20")).body()
                .get("error").get("code").asString()).isEqualTo("order_side_mismatch");
        assertThat(me.post("/portfolio/events/orders/" + id + "/decrease", Map.of("reduce_to", "0")).status()).isEqualTo(200);
        assertThat(me.get("/portfolio/orders/" + id).body().get("order").get("status").asString()).isEqualTo("canceled");
    }

    @Test
    void batchesCreateAndCancelItemByItem() {
        KalshiTestClient me = sim.newClient();
        KalshiTestClient.Reply created = me.post("/portfolio/events/orders/batched", Map.of("orders", List.of(
                order(ATM, "bid", "0.1000", "1", "good_till_canceled"),
                order(ATM, "bid", "0.1050", "1", "good_till_canceled"))));
        assertThat(created.status()).isEqualTo(201);
        JsonNode results = created.body().get("orders");
        assertThat(results.get(0).get("error").isNull()).isTrue();
        assertThat(results.get(1).get("error").get("code").asString()).isEqualTo("invalid_order");
        String id = results.get(0).get("order_id").asString();
        KalshiTestClient.Reply canceled = me.delete("/portfolio/events/orders/batched",
                Map.of("orders", List.of(Map.of("order_id", id), Map.of("order_id", "nope"))));
        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.body().get("orders").get(0).get("reduced_by").asString()).isEqualTo("1.00");
        assertThat(canceled.body().get("orders").get(1).get("error").get("code").asString()).isEqualTo("not_found");
    }

    @Test
    void sellingYesBuysNoAndAMatchedPairPaysOutADollar() {
        KalshiTestClient me = sim.newClient();
        String ask = bestAsk();
        me.post("/portfolio/events/orders", order(ATM, "bid", ask, "10", "immediate_or_cancel"));
        String bid = sim.market(ATM).get("yes_bid_dollars").asString();
        long before = sim.balance(me).get("balance").asLong();
        KalshiTestClient.Reply sold = me.post("/portfolio/events/orders",
                order(ATM, "ask", bid, "10", "immediate_or_cancel"));
        assertThat(sold.body().get("fill_count").asString()).isEqualTo("10.00");
        assertThat(me.get("/portfolio/positions?ticker=" + ATM).body().get("market_positions").get(0)
                .get("position_fp").asString()).isEqualTo("0.00");
        long cents = Math.round(Double.parseDouble(bid) * 100);
        long proceeds = 10 * cents;
        long fee = ((7 * 10 * cents * (100 - cents) + 99) / 100 + 99) / 100;
        assertThat(sim.balance(me).get("balance").asLong()).isBetween(before + proceeds - fee - 1, before + proceeds - fee + 1);
    }

    @Test
    void legacyV1WritesAnswer410() {
        for (String[] call : List.of(new String[] {"POST", "/portfolio/orders"}, new String[] {"DELETE", "/portfolio/orders/x"},
                new String[] {"POST", "/portfolio/orders/x/amend"}, new String[] {"POST", "/portfolio/orders/x/decrease"},
                new String[] {"POST", "/portfolio/orders/batched"}, new String[] {"DELETE", "/portfolio/orders/batched"})) {
            KalshiTestClient.Reply reply = sim.client.send(call[0], call[1], "{}", java.time.Duration.ofSeconds(5));
            assertThat(reply.status()).as(call[0] + " " + call[1]).isEqualTo(410);
            assertThat(reply.body().get("error").get("code").asString()).isEqualTo("deprecated_v1_order_endpoint");
        }
    }

    @Test
    void selfTradePreventionCancelsTheIncomingOrderWhenItReachesTheOwnersRestingOrder() {
        // deep in the money: the makers bid 0.95..0.99 for 17,000 contracts and offer nothing
        String itm = "KXBTCD-26SEP2516-T88499.99";
        KalshiTestClient me = sim.newClient();
        me.post("/portfolio/events/orders", order(itm, "bid", "0.9400", "5", "good_till_canceled"));
        KalshiTestClient.Reply crossing = me.post("/portfolio/events/orders",
                order(itm, "ask", "0.9400", "17005", "immediate_or_cancel"));
        assertThat(crossing.status()).isEqualTo(201);
        assertThat(crossing.body().get("fill_count").asString()).isEqualTo("17000.00");
        assertThat(crossing.body().get("remaining_count").asString()).isEqualTo("0.00");
        assertThat(me.get("/portfolio/orders?status=resting").body().get("orders").size()).isEqualTo(1);
    }

    @Test
    void ordersAtOnePriceFillInTimeOrderAndUsersTradeWithEachOther() {
        KalshiTestClient maker = sim.newClient();
        KalshiTestClient taker = sim.newClient();
        // a user bid joins the makers' best bid behind them (time priority): an ask for the makers' size
        // plus three reaches it and fills it at the resting price
        String userBid = sim.market(ATM).get("yes_bid_dollars").asString();
        long makersAhead = (long) Double.parseDouble(sim.market(ATM).get("yes_bid_size_fp").asString());
        maker.post("/portfolio/events/orders", order(ATM, "bid", userBid, "3", "good_till_canceled"));
        KalshiTestClient.Reply hit = taker.post("/portfolio/events/orders",
                order(ATM, "ask", userBid, Long.toString(makersAhead + 3), "immediate_or_cancel"));
        assertThat(hit.body().get("fill_count").asString()).isEqualTo((makersAhead + 3) + ".00");
        JsonNode makerFill = maker.get("/portfolio/fills").body().get("fills").get(0);
        assertThat(makerFill.get("is_taker").asBoolean()).isFalse();
        assertThat(makerFill.get("fee_cost").asString()).isEqualTo("0.000000");
        JsonNode trades = sim.anonymous.get("/markets/trades?ticker=" + ATM + "&limit=1").body().get("trades");
        assertThat(trades.get(0).get("taker_book_side").asString()).isEqualTo("ask");
    }
}
