package io.recio.kalshi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.kalshi.EventMarkets;
import io.recio.kalshi.IndexValue;
import io.recio.kalshi.MarketQuote;
import io.recio.kalshi.client.KalshiRestClient;
import io.recio.kalshi.client.OrderbookLevels;
import io.recio.market.EventTicker;
import io.recio.market.Symbol;
import io.recio.simulator.faults.FaultSwitches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * kalshi_api_watchdog against the exchange simulator over real sockets: its books always equal the exchange's
 * REST order books, through an hour with its rollover, a dropped WebSocket and a seq gap. One simulator serves
 * the class; the hour runs last because it moves the clock past the first event.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KalshiApiWatchdogSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static SimulatedKalshi kalshi;
    private static KalshiApiWatchdog watchdog;
    private static KalshiRestClient rest;

    @BeforeAll
    static void start() throws Exception {
        kalshi = new SimulatedKalshi();
        watchdog = kalshi.startWatchdog();
        rest = kalshi.rest(kalshi.clock, Duration.ofSeconds(5), 4);
        awaitBooksEqualTheExchange();
    }

    @AfterAll
    static void stop() throws Exception {
        kalshi.close();
    }

    /** Every followed book is in sync and level for level what the exchange's REST order book says. */
    private static void awaitBooksEqualTheExchange() {
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, List<String>> followed = watchdog.followed();
            assertThat(followed).isNotEmpty();
            for (List<String> tickers : followed.values()) {
                for (String ticker : tickers) {
                    assertThat(watchdog.inSync(ticker)).as(ticker + " in sync").isTrue();
                    OrderbookLevels exchange = rest.orderbook(ticker);
                    assertThat(watchdog.book(ticker)).as(ticker).contains(exchange);
                }
            }
        });
    }

    @Test
    @Order(1)
    void followsTheCurrentAndNextEventOfBothSymbols() {
        assertThat(watchdog.followed().keySet()).containsExactlyInAnyOrder("KXBTCD-26SEP2516", "KXBTCD-26SEP2517",
                "KXETHD-26SEP2516", "KXETHD-26SEP2517");
        EventMarkets btc = watchdog.current(Symbol.BTC).orElseThrow();
        assertThat(btc.event()).isEqualTo(EventTicker.parse("KXBTCD-26SEP2516"));
        assertThat(btc.quotes()).hasSize(watchdog.followed().get("KXBTCD-26SEP2516").size());
        assertThat(btc.quotes()).isSortedAccordingTo((a, b) -> a.strike().reference().compareTo(b.strike().reference()));
        assertThat(watchdog.next(Symbol.ETH).orElseThrow().event()).isEqualTo(EventTicker.parse("KXETHD-26SEP2517"));
    }

    @Test
    @Order(1)
    void quoteIsTheTopOfTheExchangeBook() {
        MarketQuote quote = watchdog.current(Symbol.BTC).orElseThrow().quotes().get(15);
        OrderbookLevels exchange = rest.orderbook(quote.ticker().toString());

        assertThat(quote.yesBid()).isEqualTo(exchange.yes().getLast().price());
        assertThat(quote.yesBidSize()).isEqualTo(exchange.yes().getLast().size());
        assertThat(quote.yesAsk()).isEqualTo(exchange.no().getLast().price().complement());
        assertThat(kalshi.events(MarketQuote.class)).extracting(MarketQuote::ticker).contains(quote.ticker());
    }

    @Test
    @Order(3)
    void aWholeHourWithItsRolloverKeepsEveryBookEqualToTheExchange() throws Exception {
        for (Instant t = SimulatedKalshi.START.plusSeconds(300); t.isBefore(Instant.parse("2026-09-25T20:00:00Z"));
                t = t.plusSeconds(300)) {
            kalshi.index.set(Symbol.BTC, t.getEpochSecond() % 600 == 0 ? "90120.00" : "89910.00");
            kalshi.advanceTo(t);
            awaitBooksEqualTheExchange();
        }
        kalshi.advanceTo(Instant.parse("2026-09-25T19:59:59Z"));
        watchdog.tick();
        List<String> nextBtc = watchdog.followed().get("KXBTCD-26SEP2517");
        assertThat(nextBtc).allSatisfy(t -> assertThat(watchdog.inSync(t)).as(t).isTrue());

        kalshi.advanceTo(Instant.parse("2026-09-25T20:00:01Z"));
        watchdog.tick();

        // no gap: the new current event is live the moment the old one closes
        EventMarkets current = watchdog.current(Symbol.BTC).orElseThrow();
        assertThat(current.event()).isEqualTo(EventTicker.parse("KXBTCD-26SEP2517"));
        assertThat(current.quotes()).hasSize(nextBtc.size());
        assertThat(nextBtc).allSatisfy(t -> assertThat(watchdog.inSync(t)).as(t).isTrue());
        assertThat(watchdog.followed()).doesNotContainKey("KXBTCD-26SEP2516");
        await().atMost(WAIT).until(() -> watchdog.followed().containsKey("KXBTCD-26SEP2518"));

        for (Instant t = Instant.parse("2026-09-25T20:05:00Z"); !t.isAfter(Instant.parse("2026-09-25T20:30:00Z"));
                t = t.plusSeconds(300)) {
            kalshi.advanceTo(t);
            awaitBooksEqualTheExchange();
        }
        String ticker = current.quotes().getFirst().ticker().toString();
        await().atMost(WAIT).until(() -> kalshi.quotes.count(ticker) > 0);
        Path file = kalshi.dataDir.resolve("markets/kalshi/btc_markets.json");
        await().atMost(WAIT).until(() -> Files.exists(file)
                && Files.readString(file).contains("\"event_ticker\" : \"KXBTCD-26SEP2517\""));
    }

    @Test
    @Order(2)
    void droppedWebSocketIsReconnectedAndTheBooksResynced() {
        long connects = watchdog.socket().connects();

        kalshi.faults.fire(FaultSwitches.Venue.KALSHI, FaultSwitches.Action.DROP_WEBSOCKETS);
        kalshi.index.set(Symbol.BTC, "90240.00");
        kalshi.advanceBy(1);

        await().atMost(WAIT).until(() -> watchdog.socket().connects() > connects);
        awaitBooksEqualTheExchange();
    }

    @Test
    @Order(2)
    void seqGapDiscardsTheBooksAndResyncsThem() {
        long gaps = watchdog.socket().gaps();

        kalshi.faults.fire(FaultSwitches.Venue.KALSHI, FaultSwitches.Action.SKIP_SEQ);
        kalshi.index.set(Symbol.BTC, "89760.00");
        kalshi.index.set(Symbol.ETH, "3012.00");
        kalshi.advanceBy(1);

        await().atMost(WAIT).until(() -> watchdog.socket().gaps() > gaps);
        kalshi.index.set(Symbol.BTC, "89830.00");
        kalshi.advanceBy(1);
        awaitBooksEqualTheExchange();
    }

    @Test
    @Order(2)
    void settlementIndexPrintsArePublishedAsIndexValues() {
        kalshi.advanceBy(1);

        await().atMost(WAIT).untilAsserted(() -> assertThat(kalshi.events(IndexValue.class))
                .anySatisfy(v -> assertThat(v.symbol()).isEqualTo(Symbol.BTC)));
    }

    @Test
    @Order(1)
    void healthReportsTheExchangeStatusAndTheFollowedEvents() {
        watchdog.tick();

        assertThat(kalshi.watchdogHealth().details()).containsEntry("exchange_active", true)
                .containsEntry("current_btc", "KXBTCD-26SEP2516").containsEntry("books_out_of_sync", 0L);
    }
}
