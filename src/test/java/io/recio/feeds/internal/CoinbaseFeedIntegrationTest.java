package io.recio.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.feeds.PriceTick;
import io.recio.feeds.testsupport.FakeCoinbaseFeed;
import io.recio.kalshi.IndexValue;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The watchdogs against a Coinbase-like feed over a real WebSocket: logging, reconnects, fallback, bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "recio.services.autostart=false", "recio.feeds.stale-after=1s", "recio.feeds.reconnect-min=100ms",
        "recio.feeds.reconnect-max=400ms", "recio.feeds.write-interval=200ms"})
@ActiveProfiles("test")
class CoinbaseFeedIntegrationTest {

    private static final long BTC_CENTS = 9_500_000;
    private static final long ETH_CENTS = 350_000;
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static FakeCoinbaseFeed feed;

    @DynamicPropertySource
    static void coinbase(DynamicPropertyRegistry registry) throws IOException {
        feed = new FakeCoinbaseFeed(BTC_CENTS, ETH_CENTS, 200);
        registry.add("recio.feeds.coinbase-url", () -> feed.url().toString());
    }

    @AfterAll
    static void closeFeed() throws IOException {
        feed.close();
    }

    @Autowired
    PriceLog priceLog;

    @Autowired
    Watchdogs watchdogs;

    @Autowired
    ManagedServices services;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void runningOnCoinbase() {
        feed.freeze(false);
        feed.price("BTC-USD", BTC_CENTS);
        feed.price("ETH-USD", ETH_CENTS);
        services.start(ServiceName.COINBASE_FEED);
        services.start(ServiceName.symbolPriceWatchdog(Symbol.BTC));
        services.start(ServiceName.symbolPriceWatchdog(Symbol.ETH));
        await().atMost(WAIT).until(() -> SourceBoard.COINBASE.equals(watchdogs.source(Symbol.BTC))
                && SourceBoard.COINBASE.equals(watchdogs.source(Symbol.ETH)));
    }

    private Instant latestSecond(Symbol symbol) {
        return priceLog.latest(symbol).map(PriceTick::at).orElse(Instant.EPOCH);
    }

    private List<Instant> storedSeconds(Symbol symbol, Instant from, Instant to) {
        return jdbc.sql("SELECT at_second FROM live_data.price_tick WHERE symbol = ? AND at_second >= ? AND at_second <= ? "
                        + "ORDER BY at_second")
                .params(symbol.name(), java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    @Test
    void subscribesToTickerAndHeartbeatForBothProducts() {
        assertThat(feed.subscribes()).isNotEmpty();
        assertThat(feed.subscribes().getFirst()).contains("\"ticker\"", "\"heartbeat\"", "BTC-USD", "ETH-USD");
    }

    @Test
    void bothSymbolsAreLoggedEverySecond() {
        Instant start = latestSecond(Symbol.BTC).plusSeconds(1);
        Instant end = start.plusSeconds(3);
        await().atMost(WAIT).until(() -> !latestSecond(Symbol.BTC).isBefore(end)
                && !latestSecond(Symbol.ETH).isBefore(end) && priceLog.pendingRows() == 0);
        List<Instant> expected = List.of(start, start.plusSeconds(1), start.plusSeconds(2), end);
        assertThat(storedSeconds(Symbol.BTC, start, end)).isEqualTo(expected);
        assertThat(storedSeconds(Symbol.ETH, start, end)).isEqualTo(expected);
        PriceTick btc = priceLog.latest(Symbol.BTC).orElseThrow();
        assertThat(btc.price()).isEqualTo(SpotPrice.parse("95000.00"));
        assertThat(btc.source()).isEqualTo("coinbase");
        assertThat(priceLog.latest(Symbol.ETH).orElseThrow().price()).isEqualTo(SpotPrice.parse("3500.00"));
    }

    @Test
    void aDroppedConnectionIsReconnectedAndLoggingResumes() {
        int before = feed.connections();
        feed.dropAll();
        Instant dropped = latestSecond(Symbol.BTC);
        await().atMost(WAIT).until(() -> feed.connections() > before);
        await().atMost(WAIT).until(() -> latestSecond(Symbol.BTC).isAfter(dropped.plusSeconds(1))
                && SourceBoard.COINBASE.equals(watchdogs.source(Symbol.BTC)));
        assertThat(watchdogs.reconnects()).isPositive();
    }

    @Test
    void aSilentStallIsDetectedAndTheFeedReconnects() {
        long staleBefore = watchdogs.staleConnections();
        int connectionsBefore = feed.connections();
        feed.freeze(true);
        await().atMost(WAIT).until(() -> watchdogs.staleConnections() > staleBefore);
        await().atMost(WAIT).until(() -> feed.connections() > connectionsBefore);
        feed.freeze(false);
        Instant resumed = Instant.now();
        await().atMost(WAIT).until(() -> latestSecond(Symbol.BTC).isAfter(resumed)
                && SourceBoard.COINBASE.equals(priceLog.latest(Symbol.BTC).orElseThrow().source()));
    }

    @Test
    void theIndexTakesOverWhileCoinbaseIsStaleAndHandsBack() {
        Thread publisher = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Instant now = Instant.now();
                events.publishEvent(new IndexValue(Symbol.BTC, now, SpotPrice.parse("90000.12"), null));
                events.publishEvent(new IndexValue(Symbol.ETH, now, SpotPrice.parse("3400.34"), null));
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            feed.freeze(true);
            await().atMost(WAIT).until(() -> SourceBoard.KALSHI_INDEX.equals(watchdogs.source(Symbol.BTC)));
            await().atMost(WAIT).until(() -> priceLog.latest(Symbol.BTC).orElseThrow().source()
                    .equals(SourceBoard.KALSHI_INDEX));
            assertThat(priceLog.latest(Symbol.BTC).orElseThrow().price()).isEqualTo(SpotPrice.parse("90000.12"));
            ServiceHealth health = services.health(ServiceName.symbolPriceWatchdog(Symbol.BTC)).orElseThrow();
            assertThat(health.state()).isEqualTo(ServiceState.DEGRADED);
            assertThat(health.details()).containsEntry("source", SourceBoard.KALSHI_INDEX);

            feed.freeze(false);
            await().atMost(WAIT).until(() -> SourceBoard.COINBASE.equals(watchdogs.source(Symbol.BTC))
                    && SourceBoard.COINBASE.equals(watchdogs.source(Symbol.ETH)));
            await().atMost(WAIT).until(() -> priceLog.latest(Symbol.BTC).orElseThrow().source()
                    .equals(SourceBoard.COINBASE));
            assertThat(priceLog.latest(Symbol.BTC).orElseThrow().price()).isEqualTo(SpotPrice.parse("95000.00"));
            ServiceHealth back = services.health(ServiceName.symbolPriceWatchdog(Symbol.BTC)).orElseThrow();
            assertThat(back.state()).isEqualTo(ServiceState.RUNNING);
            assertThat(back.details()).containsEntry("source", SourceBoard.COINBASE);
        } finally {
            publisher.interrupt();
        }
    }

    @Test
    void withNoFreshSourceTheSecondsStayGaps() {
        feed.freeze(true);
        await().atMost(WAIT).until(() -> "none".equals(watchdogs.source(Symbol.BTC)));
        Instant lastLogged = latestSecond(Symbol.BTC);
        long gaps = watchdogs.counters(Symbol.BTC).gapSeconds();
        await().atMost(WAIT).until(() -> watchdogs.counters(Symbol.BTC).gapSeconds() >= gaps + 2);
        assertThat(latestSecond(Symbol.BTC)).isEqualTo(lastLogged);
        assertThat(storedSeconds(Symbol.BTC, lastLogged.plusSeconds(1), Instant.now().plusSeconds(60))).isEmpty();
        assertThat(services.health(ServiceName.symbolPriceWatchdog(Symbol.BTC)).orElseThrow().state()).isEqualTo(ServiceState.DEGRADED);
    }

    @Test
    void malformedFramesAndImpossiblePricesAreCountedNeverLogged() {
        Instant begin = latestSecond(Symbol.BTC);
        long malformed = watchdogs.malformedFrames();
        long rejected = watchdogs.counters(Symbol.BTC).rejectedPrices();
        feed.sendRaw("{this is not json");
        feed.sendRaw("{\"type\":\"ticker\",\"product_id\":\"BTC-USD\",\"price\":\"lots\"}");
        feed.sendRaw(feed.tickerFrame("BTC-USD", "0.00"));
        feed.sendRaw(feed.tickerFrame("BTC-USD", "190000.00"));
        await().atMost(WAIT).until(() -> watchdogs.malformedFrames() >= malformed + 2
                && watchdogs.counters(Symbol.BTC).rejectedPrices() >= rejected + 2);
        Instant after = Instant.now().plusSeconds(1);
        await().atMost(WAIT).until(() -> latestSecond(Symbol.BTC).isAfter(after));
        assertThat(priceLog.latest(Symbol.BTC).orElseThrow().price()).isEqualTo(SpotPrice.parse("95000.00"));
        await().atMost(WAIT).until(() -> priceLog.pendingRows() == 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM live_data.price_tick WHERE symbol = 'BTC' AND at_second > ? "
                        + "AND price <> ?")
                .params(java.sql.Timestamp.from(begin), SpotPrice.parse("95000.00").units()).query(Long.class).single())
                .isZero();
        assertThat(services.health(ServiceName.COINBASE_FEED).orElseThrow().state()).isEqualTo(ServiceState.RUNNING);
    }
}
