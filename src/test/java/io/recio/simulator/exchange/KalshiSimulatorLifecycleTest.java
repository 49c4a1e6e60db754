package io.recio.simulator.exchange;

import static io.recio.simulator.exchange.SimulatorFixture.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KalshiSimulatorLifecycleTest {

    SimulatorFixture sim;

    @BeforeEach
    void start() {
        sim = new SimulatorFixture();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** Moves the test clock in steps, ticking the exchange at each, as its scheduler would. */
    private void runFor(Duration span, Duration step) {
        for (Duration done = Duration.ZERO; done.compareTo(span) < 0; done = done.plus(step)) {
            sim.clock.advance(step);
            sim.simulator.tick();
        }
    }

    @Test
    void aWholeHourRunsToSettlementAndPaysADollarPerWinningContract() {
        sim.clock.set(java.time.Instant.parse("2026-09-25T19:00:00Z"));
        sim.simulator.tick();
        String winner = "KXBTCD-26SEP2516-T89999.99";
        String loser = "KXBTCD-26SEP2516-T90099.99";
        KalshiTestClient me = sim.newClient();
        JsonNode yes = me.post("/portfolio/events/orders", order(winner, "bid", "0.9900", "10", "immediate_or_cancel")).body();
        assertThat(yes.get("fill_count").asString()).isEqualTo("10.00");
        JsonNode no = me.post("/portfolio/events/orders", order(loser, "ask", "0.0100", "4", "immediate_or_cancel")).body();
        assertThat(no.get("fill_count").asString()).isEqualTo("4.00");
        me.post("/portfolio/events/orders", order(winner, "bid", "0.0500", "7", "good_till_canceled"));
        long afterTrading = sim.balance(me).get("balance").asLong();

        sim.prices.set(io.recio.market.Symbol.BTC, "90050.00"); // settles above 89,999.99, below 90,099.99
        runFor(Duration.ofMinutes(59), Duration.ofMinutes(1));
        assertThat(sim.market(winner).get("status").asString()).isEqualTo("active");

        runFor(Duration.ofMinutes(1), Duration.ofSeconds(30));
        JsonNode closed = sim.market(winner);
        assertThat(closed.get("status").asString()).isEqualTo("determined");
        assertThat(closed.get("result").asString()).isEqualTo("yes");
        assertThat(closed.get("expiration_value").asString()).isEqualTo("90050.00");
        assertThat(sim.market(loser).get("result").asString()).isEqualTo("no");
        assertThat(me.get("/portfolio/orders?status=resting").body().get("orders").size()).isZero();
        // the resting bid was cancelled at the close and its collateral released
        assertThat(sim.balance(me).get("balance").asLong()).isEqualTo(afterTrading + 35);
        KalshiTestClient.Reply late = me.post("/portfolio/events/orders", order(winner, "bid", "0.5000", "1", "good_till_canceled"));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body().get("error").get("code").asString()).isEqualTo("MARKET_INACTIVE");

        runFor(Duration.ofMinutes(1), Duration.ofSeconds(30));
        assertThat(sim.market(winner).get("status").asString()).isEqualTo("finalized");
        assertThat(sim.balance(me).get("balance").asLong()).isEqualTo(afterTrading + 35 + 10 * 100 + 4 * 100);
        JsonNode settlements = me.get("/portfolio/settlements").body().get("settlements");
        assertThat(settlements.size()).isEqualTo(2);
        JsonNode win = me.get("/portfolio/settlements?ticker=" + winner).body().get("settlements").get(0);
        assertThat(win.get("market_result").asString()).isEqualTo("yes");
        assertThat(win.get("yes_count_fp").asString()).isEqualTo("10.00");
        assertThat(win.get("revenue").asLong()).isEqualTo(1000);
        JsonNode lose = me.get("/portfolio/settlements?ticker=" + loser).body().get("settlements").get(0);
        assertThat(lose.get("no_count_fp").asString()).isEqualTo("4.00");
        assertThat(lose.get("revenue").asLong()).isEqualTo(400);
        assertThat(me.get("/portfolio/positions").body().get("market_positions").size()).isZero();
        int listed = sim.anonymous.get("/markets?event_ticker=KXBTCD-26SEP2516").body().get("markets").size();
        assertThat(sim.anonymous.get("/markets?event_ticker=KXBTCD-26SEP2516&status=settled").body().get("markets").size())
                .isEqualTo(listed);
        // the next hour is now the open one
        assertThat(sim.market("KXBTCD-26SEP2517-T89999.99").get("status").asString()).isEqualTo("active");
    }

    @Test
    void makersRequoteWhenTheIndexMoves() {
        String atm = SimulatorFixture.ATM;
        double before = Double.parseDouble(sim.market(atm).get("yes_bid_dollars").asString());
        sim.prices.set(io.recio.market.Symbol.BTC, "90300.00");
        sim.clock.advance(Duration.ofSeconds(1));
        sim.simulator.tick();
        double after = Double.parseDouble(sim.market(atm).get("yes_bid_dollars").asString());
        assertThat(after).isGreaterThan(before + 0.10);
    }

    @Test
    void strikesFollowTheIndexAsItMoves() {
        sim.prices.set(io.recio.market.Symbol.BTC, "95000.00");
        sim.clock.advance(Duration.ofSeconds(1));
        sim.simulator.tick();
        assertThat(sim.anonymous.get("/markets/KXBTCD-26SEP2516-T96499.99").status()).isEqualTo(200);
    }

    @Test
    void goodTillCanceledOrdersExpireAtTheirExpirationTime() {
        java.util.Map<String, Object> body = order(SimulatorFixture.ATM, "bid", "0.1000", "3", "good_till_canceled");
        body.put("expiration_time", sim.clock.instant().getEpochSecond() + 60);
        String id = sim.client.post("/portfolio/events/orders", body).body().get("order_id").asString();
        runFor(Duration.ofSeconds(59), Duration.ofSeconds(59));
        assertThat(sim.client.get("/portfolio/orders/" + id).body().get("order").get("status").asString()).isEqualTo("resting");
        runFor(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(sim.client.get("/portfolio/orders/" + id).body().get("order").get("status").asString()).isEqualTo("canceled");
        assertThat(sim.balance(sim.client).get("balance").asLong()).isEqualTo(1_000_000);
    }

    @Test
    void ordersFlaggedCancelOnPauseGoWhenAPauseStarts() {
        java.util.Map<String, Object> flagged = order(SimulatorFixture.ATM, "bid", "0.1000", "3", "good_till_canceled");
        flagged.put("cancel_order_on_pause", true);
        String gone = sim.client.post("/portfolio/events/orders", flagged).body().get("order_id").asString();
        String stays = sim.client.post("/portfolio/events/orders", order(SimulatorFixture.ATM, "bid", "0.1100", "3", "good_till_canceled"))
                .body().get("order_id").asString();
        sim.faults.tradingPaused(true);
        sim.simulator.tick();
        assertThat(sim.client.get("/portfolio/orders/" + gone).body().get("order").get("status").asString()).isEqualTo("canceled");
        assertThat(sim.client.get("/portfolio/orders/" + stays).body().get("order").get("status").asString()).isEqualTo("resting");
    }
}
