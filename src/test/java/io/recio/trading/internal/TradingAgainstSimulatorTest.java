package io.recio.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.feeds.PriceTick;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiTrading;
import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.exchange.KalshiExchangeSimulator;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.faults.FaultSwitches;

import io.recio.testsupport.FixedPrices;
import io.recio.testsupport.MutableClock;
import io.recio.trading.CloseMethod;
import io.recio.trading.EntryMethod;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import io.recio.trading.venue.TimeInForce;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Trading through the kalshi module's real client over real sockets against the exchange simulator,
 * under one test clock: an order whose answer times out stays UNKNOWN, is resolved by lookup, and
 * exactly one order exists at the exchange; a round trip reconciles with the exchange to the cent; a
 * trading hour (manual closes, two auto-entries, an auto-stop, a settlement) ends with the local PnL
 * equal to the change of the exchange's balance. The hour runs last: it moves the clock past the close.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "recio.services.autostart=false", "recio.mode=demo", "recio.trading.venue=kalshi",
        "recio.kalshi.order-timeout=1s", "recio.kalshi.request-timeout=5s"})
@ActiveProfiles("test")
@Import(TradingAgainstSimulatorTest.Config.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class TradingAgainstSimulatorTest {

    static final Instant START = Instant.parse("2026-09-25T19:45:00Z");
    static final MutableClock CLOCK = new MutableClock(START);
    static final FaultSwitches FAULTS = new FaultSwitches();
    static final KalshiExchangeSimulator SIMULATOR;
    static final Path DATA_DIR;
    /** The at-the-money market of the 16:00 New York event with BTC at $90,000. */
    static final MarketTicker ATM = MarketTicker.parse("KXBTCD-26SEP2516-T89999.99");

    static {
        try {
            DATA_DIR = Files.createTempDirectory("recio-trading-sim");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        SIMULATOR = new KalshiExchangeSimulator(new FixedPrices(CLOCK, "90000", "3000"), FAULTS, CLOCK, KalshiSimulatorSettings.defaults());
        SIMULATOR.start("127.0.0.1", 0, false);
        SIMULATOR.tick();
        SIMULATOR.writeDemoCredentials(DATA_DIR);
    }


    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        MutableClock simulatorClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("recio.data-dir", DATA_DIR::toString);
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }

    @Autowired
    TradeExecutor executor;
    @Autowired
    TradeManager trades;
    @Autowired
    TradeManagerService services;
    @Autowired
    Reconciler reconciler;
    @Autowired
    MarketBoard board;
    @Autowired
    KalshiTrading kalshi;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TradeSettingsStore settings;
    @Autowired
    AutoEntrySupervisor autoEntry;
    @Autowired
    ActiveTradeSupervisor active;
    @Autowired
    io.recio.trading.internal.adapters.AccountSyncAdapter accountSync;

    @BeforeEach
    void tradingOn() {
        FAULTS.orderResponseTimeout(false);
        board.onTick(new PriceTick(Symbol.BTC, CLOCK.instant(), SpotPrice.parse("90000"), Map.of(), 0.0,
                SpotPrice.parse("90000"), "test", Duration.ZERO));
        assertThat(services.reconcileNow()).isTrue();
    }

    TradeManager.NewTrade buyYes(long contracts) {
        return new TradeManager.NewTrade("admin", ATM, ATM.tokenValue(), Side.YES, ATM.event().close(),
                Count.ofContracts(contracts), Price.parse("0.99"), TimeInForce.IOC, null, null, null, null,
                EntryMethod.MANUAL);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void anOrderWhoseAnswerTimesOutIsResolvedByLookupAndExistsOnce() {
        FAULTS.orderResponseTimeout(true);
        Trade t = ((ExecutionResult.Sent) executor.enter(buyYes(2))).trade();
        assertThat(t.status()).isEqualTo(TradeStatus.PENDING);
        assertThat(trades.marketBlocked(ATM)).isTrue();
        assertThat(executor.enter(buyYes(1))).isInstanceOf(ExecutionResult.Blocked.class);

        FAULTS.orderResponseTimeout(false);
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(executor.resolveUnknown(true)).isZero();
        Trade resolved = trades.get(t.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(TradeStatus.OPEN);
        assertThat(resolved.contracts()).isEqualTo(Count.ofContracts(2));

        String venueOrderId = jdbc.sql("SELECT venue_order_id FROM trading.trade_order WHERE trade_id = ?")
                .param(t.id()).query(String.class).single();
        Map<String, Long> ordersWithFills = kalshi.fills(ATM.toString()).stream()
                .collect(Collectors.groupingBy(KalshiFill::orderId, Collectors.counting()));
        assertThat(ordersWithFills).containsOnlyKeys(venueOrderId);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aRoundTripReconcilesWithTheExchangeToTheCent() throws Exception {
        reconciler.reconcile();
        long before = raisedAlerts("RECONCILE_BALANCE") + raisedAlerts("RECONCILE_POSITION")
                + raisedAlerts("RECONCILE_FILL");
        Trade t = ((ExecutionResult.Sent) executor.enter(buyYes(3))).trade();
        assertThat(t.status()).isEqualTo(TradeStatus.OPEN);
        CLOCK.advance(Duration.ofSeconds(5));
        Trade closed = ((ExecutionResult.Sent) executor.close(t.id(), CloseMethod.MANUAL, "test", Price.parse("0.01")))
                .trade();
        assertThat(closed.status()).isEqualTo(TradeStatus.CLOSED);
        Reconciler.Report report = reconciler.reconcile();
        assertThat(report.findings()).isEmpty();
        assertThat(raisedAlerts("RECONCILE_BALANCE") + raisedAlerts("RECONCILE_POSITION")
                + raisedAlerts("RECONCILE_FILL")).isEqualTo(before);
    }

    /** A strike row as pricing would publish it: buy up to 0.99, P(yes) as given, bid as given. */
    static io.recio.trading.StrikeView view(MarketTicker ticker, double probYes, String yesBid) {
        return new io.recio.trading.StrikeView(ticker, ticker.tokenValue(), ticker.event().close(), probYes,
                Price.parse(yesBid), Price.parse("0.99"), io.recio.market.Money.parse("0.01"), null,
                Count.ofContracts(5000), SpotPrice.parse("90000"), CLOCK.instant(), false);
    }

    void tick() {
        board.onTick(new PriceTick(Symbol.BTC, CLOCK.instant(), SpotPrice.parse("90000"), Map.of(), 0.0,
                SpotPrice.parse("90000"), "test", Duration.ZERO));
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aTradingHourEndsWithLocalPnlEqualToTheExchangeAccountToTheCent() throws Exception {
        for (Trade open : trades.withStatus(TradeStatus.OPEN)) {
            assertThat(executor.close(open.id(), CloseMethod.MANUAL, "flat before the hour", Price.parse("0.01")))
                    .isInstanceOf(ExecutionResult.Sent.class);
        }
        reconciler.reconcile();
        long firstNewTrade = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM trading.trade").query(Long.class).single();
        io.recio.market.Money start = kalshi.balance().available();
        TradeSettings d = TradeSettings.DEFAULTS;
        settings.save("admin", new TradeSettings(true, true, 1, 2, d.minProbability(), d.minEdge(), d.minTimeSeconds(),
                d.maxTimeSeconds(), d.cooldownSeconds(), d.spikeThreshold(), d.recoveryThreshold(),
                d.recoveryMinutes(), d.minVolume(), Price.parse("0.99"), d.stopProbability(), d.stopMinHoldSeconds(),
                d.stopVerifySeconds(), d.momentumStopEnabled(), d.momentumStopThreshold()));
        MarketTicker below = MarketTicker.parse("KXBTCD-26SEP2516-T89899.99");

        board.update(view(ATM, 0.99, "0.01"));
        board.update(view(below, 0.99, "0.01"));
        assertThat(autoEntry.scan()).hasSize(2).allSatisfy(r -> assertThat(((ExecutionResult.Sent) r).trade().status())
                .isEqualTo(TradeStatus.OPEN));

        // The at-the-money trade's probability collapses: stopped after 60 s held and 15 s verified.
        CLOCK.advance(Duration.ofSeconds(60));
        tick();
        board.update(view(ATM, 0.30, "0.30"));
        active.pass();
        CLOCK.advance(Duration.ofSeconds(15));
        tick();
        List<ExecutionResult> stops = active.pass();
        assertThat(stops).singleElement().satisfies(r -> {
            Trade stopped = ((ExecutionResult.Sent) r).trade();
            assertThat(stopped.status()).isEqualTo(TradeStatus.CLOSED);
            assertThat(stopped.closeMethod()).isEqualTo(CloseMethod.AUTO);
        });

        // The other one is held through the close and settled by the exchange.
        CLOCK.set(ATM.event().close().plusSeconds(61));
        SIMULATOR.tick();
        CLOCK.advance(Duration.ofMinutes(10)); // the exchange settles a while after it determines the result
        SIMULATOR.tick();
        kalshi.settlements().forEach(s -> accountSync.onSettlement(new io.recio.kalshi.SettlementReceived(s)));
        List<Trade> hour = jdbc.sql("SELECT id FROM trading.trade WHERE id >= ?").param(firstNewTrade)
                .query(Long.class).list().stream().map(id -> trades.get(id).orElseThrow()).toList();
        assertThat(hour).extracting(Trade::status).containsExactlyInAnyOrder(TradeStatus.CLOSED, TradeStatus.SETTLED);
        assertThat(hour).allSatisfy(t -> assertThat(t.entryMethod()).isEqualTo(EntryMethod.AUTO));

        io.recio.market.Money pnl = hour.stream().map(Trade::pnl).reduce(io.recio.market.Money.ZERO,
                io.recio.market.Money::plus);
        assertThat(kalshi.balance().available().minus(start)).isEqualTo(pnl);
        assertThat(reconciler.reconcile().findings()).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void paperTradesOfAClosedMarketSettleFromTheResultTheExchangePublishes() {
        // Runs after the hour: the at-the-money market has closed and the simulator has determined it.
        java.util.Optional<String> result = kalshi.marketResult(ATM.toString());
        assertThat(result).hasValueSatisfying(r -> assertThat(r).isIn("yes", "no"));
        Trade expired = org.mockito.Mockito.mock(Trade.class);
        org.mockito.Mockito.when(expired.ticker()).thenReturn(ATM);
        TradeManager paperTrades = org.mockito.Mockito.mock(TradeManager.class);
        org.mockito.Mockito.when(paperTrades.withStatus(TradeStatus.EXPIRED)).thenReturn(List.of(expired, expired));
        List<Object> published = new java.util.ArrayList<>();
        PaperSettlement paper = new PaperSettlement(new io.recio.trading.venue.PaperVenue(t -> java.util.Optional.empty(),
                io.recio.market.Money.ofCents(1000), CLOCK), paperTrades, kalshi, published::add, CLOCK);

        assertThat(paper.settleExpired()).isEqualTo(1);
        assertThat(published).singleElement().isEqualTo(new io.recio.trading.SettlementNotice(ATM,
                Side.parse(result.orElseThrow()), io.recio.market.Money.ZERO, CLOCK.instant()));
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void aMarketStillOpenHasNoResultAndAKalshiVenueIsLeftToTheAccountSync() {
        MarketTicker later = MarketTicker.parse("KXBTCD-26SEP2517-T89999.99");
        assertThat(kalshi.marketResult(later.toString())).isEmpty();
        List<Object> published = new java.util.ArrayList<>();
        assertThat(new PaperSettlement(org.mockito.Mockito.mock(io.recio.trading.venue.OrderVenue.class), trades, kalshi,
                published::add, CLOCK).settleExpired()).isZero();
        assertThat(published).isEmpty();
    }

    /** How many alerts of {@code kind} were raised (ops keeps every one in system.alert). */
    long raisedAlerts(String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM system.alert WHERE kind = ?").param(kind).query(Long.class).single();
    }
}
