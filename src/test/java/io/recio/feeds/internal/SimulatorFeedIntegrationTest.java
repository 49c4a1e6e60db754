package io.recio.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.feeds.PriceTick;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceName;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.simulator.feed.CoinbaseFeedServer;
import io.recio.simulator.prices.model.PriceModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The watchdogs against the simulator's Coinbase feed, with its fault switches (feedFrozen, DROP_WEBSOCKETS). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "recio.services.autostart=false", "recio.feeds.stale-after=2500ms", "recio.feeds.reconnect-min=100ms",
        "recio.feeds.reconnect-max=500ms", "recio.feeds.write-interval=200ms"})
@ActiveProfiles("test")
class SimulatorFeedIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final FaultSwitches FAULTS = new FaultSwitches();
    private static CoinbaseFeedServer simulator;

    @DynamicPropertySource
    static void simulatorFeed(DynamicPropertyRegistry registry) {
        Clock clock = Clock.systemUTC();
        PriceModel prices = new PriceModel(clock, 42, SpotPrice.parse("95000"), SpotPrice.parse("3500"), null, null);
        simulator = new CoinbaseFeedServer(prices, FAULTS, clock,
                new CoinbaseFeedServer.Settings("127.0.0.1", 0, Duration.ofSeconds(5), 42));
        simulator.start();
        registry.add("recio.feeds.coinbase-url", () -> "ws://127.0.0.1:" + simulator.port() + "/");
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    @Autowired
    ManagedServices services;

    @Autowired
    PriceLog priceLog;

    @Autowired
    Watchdogs watchdogs;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void running() {
        services.start(ServiceName.COINBASE_FEED);
        services.start(ServiceName.symbolPriceWatchdog(Symbol.BTC));
        services.start(ServiceName.symbolPriceWatchdog(Symbol.ETH));
        await().atMost(WAIT).until(() -> SourceBoard.COINBASE.equals(watchdogs.source(Symbol.BTC))
                && SourceBoard.COINBASE.equals(watchdogs.source(Symbol.ETH)));
    }

    @AfterEach
    void faultsOff() {
        FAULTS.reset();
    }

    private Instant latestSecond(Symbol symbol) {
        return priceLog.latest(symbol).map(PriceTick::at).orElse(Instant.EPOCH);
    }

    @Test
    void bothSymbolsAreLoggedEverySecondAroundTheSimulatedIndex() {
        Instant start = latestSecond(Symbol.BTC).plusSeconds(1);
        Instant end = start.plusSeconds(4);
        await().atMost(WAIT).until(() -> !latestSecond(Symbol.BTC).isBefore(end)
                && !latestSecond(Symbol.ETH).isBefore(end) && priceLog.pendingRows() == 0);
        for (Symbol symbol : List.of(Symbol.BTC, Symbol.ETH)) {
            List<Instant> seconds = jdbc.sql("SELECT at_second FROM live_data.price_tick WHERE symbol = ? "
                            + "AND at_second >= ? AND at_second <= ? ORDER BY at_second")
                    .params(symbol.name(), java.sql.Timestamp.from(start), java.sql.Timestamp.from(end))
                    .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
            assertThat(seconds).as(symbol.name()).hasSize(5);
        }
        assertThat(priceLog.latest(Symbol.BTC).orElseThrow().price().dollars()).isBetween(80_000.0, 110_000.0);
        assertThat(priceLog.latest(Symbol.ETH).orElseThrow().price().dollars()).isBetween(2_900.0, 4_100.0);
    }

    @Test
    void droppedWebSocketsAreReconnected() {
        long reconnects = watchdogs.reconnects();
        FAULTS.fire(FaultSwitches.Venue.COINBASE, FaultSwitches.Action.DROP_WEBSOCKETS);
        await().atMost(WAIT).until(() -> watchdogs.reconnects() > reconnects);
        Instant after = Instant.now();
        await().atMost(WAIT).until(() -> latestSecond(Symbol.BTC).isAfter(after)
                && SourceBoard.COINBASE.equals(priceLog.latest(Symbol.BTC).orElseThrow().source()));
    }

    @Test
    void aFrozenFeedIsDetectedAsStaleAndReconnected() {
        long stale = watchdogs.staleConnections();
        FAULTS.feedFrozen(true);
        await().atMost(WAIT).until(() -> watchdogs.staleConnections() > stale);
        await().atMost(WAIT).until(() -> "none".equals(watchdogs.source(Symbol.BTC)));
        FAULTS.feedFrozen(false);
        await().atMost(WAIT).until(() -> SourceBoard.COINBASE.equals(watchdogs.source(Symbol.BTC)));
    }
}
