package io.recio.simulator.exchange;

import io.recio.simulator.faults.FaultSwitches;
import io.recio.testsupport.FixedPrices;
import io.recio.testsupport.MutableClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A running simulator on a free loopback port with a test clock standing at 19:30Z on 2026-09-25
 * (the KXBTCD-26SEP2516 event, closing 20:00Z, is open), BTC at $90,000, ETH at $3,000, no automatic
 * ticking and no rate limits unless a test asks for them.
 */
final class SimulatorFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-09-25T19:30:00Z");
    static final String EVENT = "KXBTCD-26SEP2516";
    /** The at-the-money market: strike $90,000, YES above 89,999.99. */
    static final String ATM = EVENT + "-T89999.99";

    final MutableClock clock = new MutableClock(START);
    final FixedPrices prices = new FixedPrices(clock, "90000.00", "3000.00");
    final FaultSwitches faults = new FaultSwitches();
    final KalshiExchangeSimulator simulator;
    final KalshiExchangeSimulator.Credentials credentials;
    final KalshiTestClient client;
    final KalshiTestClient anonymous;

    SimulatorFixture() {
        this(false);
    }

    SimulatorFixture(boolean rateLimited) {
        simulator = new KalshiExchangeSimulator(prices, faults, clock,
                KalshiSimulatorSettings.defaults().withRateLimited(rateLimited));
        simulator.start("127.0.0.1", 0, false);
        credentials = simulator.provisionAccount();
        client = new KalshiTestClient(simulator.restUrl(), credentials, clock);
        anonymous = new KalshiTestClient(simulator.restUrl(), null, clock);
    }

    KalshiTestClient newClient() {
        return new KalshiTestClient(simulator.restUrl(), simulator.provisionAccount(), clock);
    }

    /** A V2 create-order body. */
    static Map<String, Object> order(String ticker, String side, String price, String count, String timeInForce) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("ticker", ticker);
        order.put("side", side);
        order.put("price", price);
        order.put("count", count);
        order.put("time_in_force", timeInForce);
        order.put("self_trade_prevention_type", "taker_at_cross");
        return order;
    }

    JsonNode market(String ticker) {
        return anonymous.get("/markets/" + ticker).body().get("market");
    }

    JsonNode balance(KalshiTestClient who) {
        return who.get("/portfolio/balance").body();
    }

    @Override
    public void close() {
        simulator.stop();
    }
}
