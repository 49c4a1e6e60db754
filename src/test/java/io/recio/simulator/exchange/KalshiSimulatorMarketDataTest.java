package io.recio.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KalshiSimulatorMarketDataTest {

    static SimulatorFixture sim;

    @BeforeAll
    static void start() {
        sim = new SimulatorFixture();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aCursorWalksEveryMarketExactlyOnce() {
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            KalshiTestClient.Reply reply = sim.anonymous.get("/markets?series_ticker=KXBTCD&limit=7"
                    + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            assertThat(reply.status()).isEqualTo(200);
            reply.body().get("markets").forEach(m -> seen.add(m.get("ticker").asString()));
            assertThat(reply.body().get("markets").size()).isLessThanOrEqualTo(7);
            cursor = reply.body().get("cursor").asString();
            pages++;
        } while (!cursor.isEmpty());
        // current event + 3 ahead, 31 strikes each
        assertThat(seen).hasSize(4 * 31);
        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        assertThat(pages).isEqualTo((4 * 31 + 6) / 7);
    }

    @Test
    void hourlyEventsAreNamedInNewYorkTimeWithStrikesAHundredDollarsApart() {
        JsonNode event = sim.anonymous.get("/events/" + SimulatorFixture.EVENT + "?with_nested_markets=true").body();
        JsonNode markets = event.get("event").get("markets");
        assertThat(markets.size()).isEqualTo(31);
        Set<String> tickers = new HashSet<>();
        markets.forEach(m -> tickers.add(m.get("ticker").asString()));
        assertThat(tickers).contains("KXBTCD-26SEP2516-T89999.99", "KXBTCD-26SEP2516-T91499.99",
                "KXBTCD-26SEP2516-T88499.99");
        JsonNode atm = sim.market(SimulatorFixture.ATM);
        assertThat(atm.get("strike_type").asString()).isEqualTo("greater");
        assertThat(atm.get("floor_strike").asDouble()).isEqualTo(89999.99);
        assertThat(atm.get("status").asString()).isEqualTo("active");
        assertThat(atm.get("open_time").asString()).isEqualTo("2026-09-25T19:00:00Z");
        assertThat(atm.get("close_time").asString()).isEqualTo("2026-09-25T20:00:00Z");
        assertThat(atm.get("price_ranges").get(0).get("step").asString()).isEqualTo("0.0100");
        assertThat(atm.get("yes_sub_title").asString()).isEqualTo("$90,000 or above");
        assertThat(atm.get("rules_primary").asString()).contains("before 4 PM EDT").contains("above 89999.99");
    }

    @Test
    void ethEventsUseTenDollarStrikes() {
        JsonNode markets = sim.anonymous.get("/markets?event_ticker=KXETHD-26SEP2516&limit=1000").body().get("markets");
        assertThat(markets.size()).isEqualTo(31);
        Set<String> tickers = new HashSet<>();
        markets.forEach(m -> tickers.add(m.get("ticker").asString()));
        assertThat(tickers).contains("KXETHD-26SEP2516-T2999.99", "KXETHD-26SEP2516-T3009.99");
    }

    @Test
    void nextHoursAreListedButNotYetOpen() {
        JsonNode markets = sim.anonymous.get("/markets?event_ticker=KXBTCD-26SEP2517&status=unopened").body().get("markets");
        assertThat(markets.size()).isEqualTo(31);
        assertThat(sim.anonymous.get("/markets?event_ticker=KXBTCD-26SEP2517&status=open").body().get("markets").size())
                .isZero();
    }

    @Test
    void makersQuoteAtTheMoneyWithAOneCentSpreadAndRealisticDepth() {
        JsonNode atm = sim.market(SimulatorFixture.ATM);
        double bid = Double.parseDouble(atm.get("yes_bid_dollars").asString());
        double ask = Double.parseDouble(atm.get("yes_ask_dollars").asString());
        assertThat(ask - bid).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bid).isBetween(0.45, 0.55);
        JsonNode book = sim.anonymous.get("/markets/" + SimulatorFixture.ATM + "/orderbook").body().get("orderbook_fp");
        assertThat(book.get("yes_dollars").size()).isEqualTo(5);
        assertThat(book.get("no_dollars").size()).isEqualTo(5);
        double depth = 0;
        for (JsonNode level : book.get("yes_dollars")) {
            depth += Double.parseDouble(level.get(1).asString());
        }
        assertThat(depth).isEqualTo(37_000);
        JsonNode best = book.get("yes_dollars").get(4);
        assertThat(best.get(0).asString()).isEqualTo(atm.get("yes_bid_dollars").asString());
        // NO bids: best NO bid = 1 - best YES ask
        JsonNode bestNo = book.get("no_dollars").get(4);
        assertThat(Double.parseDouble(bestNo.get(0).asString())).isCloseTo(1 - ask, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void deepOutOfTheMoneyMarketsHaveOnlyAOneCentAsk() {
        JsonNode far = sim.market("KXBTCD-26SEP2516-T91499.99");
        assertThat(far.get("yes_bid_dollars").asString()).isEqualTo("0.0000");
        assertThat(far.get("yes_ask_dollars").asString()).isEqualTo("0.0100");
        assertThat(far.get("no_bid_dollars").asString()).isEqualTo("0.9900");
    }

    @Test
    void multipleOrderBooksComeBackPerTicker() {
        JsonNode books = sim.anonymous.get("/markets/orderbooks?tickers=" + SimulatorFixture.ATM
                + "&tickers=KXBTCD-26SEP2516-T90099.99").body().get("orderbooks");
        assertThat(books.size()).isEqualTo(2);
        assertThat(books.get(0).get("ticker").asString()).isEqualTo(SimulatorFixture.ATM);
        assertThat(books.get(0).get("orderbook_fp").has("yes_dollars")).isTrue();
    }

    @Test
    void seriesAndExchangeStatusDescribeTheCryptoShard() {
        JsonNode series = sim.anonymous.get("/series/KXBTCD").body().get("series");
        assertThat(series.get("fee_type").asString()).isEqualTo("quadratic");
        assertThat(series.get("exchange_index").asInt()).isEqualTo(2);
        JsonNode status = sim.anonymous.get("/exchange/status").body();
        assertThat(status.get("trading_active").asBoolean()).isTrue();
        assertThat(sim.anonymous.get("/series/KXNOPE").status()).isEqualTo(404);
    }

    @Test
    void unknownMarketsAndBadParametersGetKalshiErrors() {
        KalshiTestClient.Reply missing = sim.anonymous.get("/markets/KXBTCD-26SEP2516-T1.99");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("error").get("code").asString()).isEqualTo("not_found");
        assertThat(sim.anonymous.get("/markets?limit=0").status()).isEqualTo(400);
        assertThat(sim.anonymous.get("/markets?limit=abc").status()).isEqualTo(400);
        assertThat(sim.anonymous.get("/markets?cursor=bm9wZQ").status()).isEqualTo(400);
        assertThat(sim.anonymous.get("/markets?status=weird").status()).isEqualTo(400);
    }
}
