package io.recio.trading.internal;

import static io.recio.trading.internal.Fixtures.CLOSE;
import static io.recio.trading.internal.Fixtures.TICKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.feeds.PriceTick;
import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.testsupport.MutableClock;
import io.recio.trading.CloseMethod;
import io.recio.trading.EntryMethod;
import io.recio.trading.SettlementNotice;
import io.recio.trading.Trade;
import io.recio.trading.TradeFilter;
import io.recio.trading.TradeHistory;
import io.recio.trading.TradeDetail;
import io.recio.trading.TradeStatus;
import io.recio.trading.TradeSummary;
import io.recio.trading.TradeUpdated;
import io.recio.trading.TradingHold;
import io.recio.trading.TradingMode;
import io.recio.trading.venue.OrderLookup;
import io.recio.trading.venue.OrderOutcome;
import io.recio.trading.venue.TimeInForce;
import io.recio.trading.venue.VenueAccount;
import io.recio.trading.venue.VenueFill;
import io.recio.trading.venue.VenuePosition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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

/**
 * The trade lifecycle against a database (H2 and the real PostgreSQL run the same cases): every
 * transition with its rows in one transaction, the UNKNOWN policy, expiry and settlement,
 * reconciliation, risk blocks, and the supervisors, all under a test clock and a scripted venue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"recio.services.autostart=false", "recio.trading.risk.daily-loss-limit=50"})
@ActiveProfiles("test")
@Import(TradingDatabaseTests.Config.class)
abstract class TradingDatabaseTests {

    static final Instant START = CLOSE.minusSeconds(600);

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }

        @Bean
        @Primary
        ScriptedVenue scriptedVenue() {
            return new ScriptedVenue();
        }

        @Bean
        Announced announced() {
            return new Announced();
        }
    }

    /** Every {@link TradeUpdated} published, in order. */
    static final class Announced {
        final List<TradeUpdated> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        @org.springframework.context.event.EventListener
        void on(TradeUpdated e) {
            events.add(e);
        }
    }

    @Autowired
    MutableClock clock;
    @Autowired
    ScriptedVenue venue;
    @Autowired
    TradeManager trades;
    @Autowired
    TradeExecutor executor;
    @Autowired
    TradeManagerService services;
    @Autowired
    MarketBoard board;
    @Autowired
    KillSwitch killSwitch;
    @Autowired
    TradingGate gate;
    @Autowired
    ActiveTradeSupervisor active;
    @Autowired
    AutoEntrySupervisor autoEntry;
    @Autowired
    AutoEntryState autoEntryState;
    @Autowired
    TradeSettingsStore settings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Announced announced;
    @Autowired
    TradingProperties properties;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    TradeHistory history;

    private final AtomicInteger fills = new AtomicInteger();

    @BeforeEach
    void freshState() {
        jdbc.sql("DELETE FROM system.alert_delivery").update();
        jdbc.sql("DELETE FROM system.alert").update();
        for (String table : List.of("trade_fill", "trade_log", "trade_order", "trade", "auto_entry_state",
                "entry_cooldown", "trade_settings")) {
            jdbc.sql("DELETE FROM trading." + table).update();
        }
        jdbc.sql("UPDATE trading.risk_state SET kill_switch = FALSE, kill_reason = NULL, venue_balance = NULL,"
                + " reconciled_at = NULL, fill_mark = NULL, payout_mark = NULL").update();
        venue.reset();
        announced.events.clear();
        clock.set(START);
        tick(0.0);
        gate.release(TradingHold.Kind.RECONCILIATION);
        gate.release(TradingHold.Kind.SUSPENSION);
    }

    void tick(double momentum) {
        board.onTick(new PriceTick(Symbol.BTC, clock.instant(), SpotPrice.parse("93500"), Map.of(), momentum,
                SpotPrice.parse("93500"), "test", Duration.ZERO));
    }

    VenueFill fill(long contracts, String price) {
        Count c = Count.ofContracts(contracts);
        Price p = Price.parse(price);
        return new VenueFill("fill-" + fills.incrementAndGet(), c, p, io.recio.market.Fees.takerFee(c, p), clock.instant());
    }

    OrderOutcome.Accepted filled(VenueFill... f) {
        return new OrderOutcome.Accepted("venue-" + fills.incrementAndGet(), List.of(f));
    }

    TradeManager.NewTrade buy(Side side, long contracts, String worst) {
        return new TradeManager.NewTrade("admin", TICKER, TICKER.tokenValue(), side, CLOSE, Count.ofContracts(contracts),
                Price.parse(worst), TimeInForce.IOC, 0.97, Money.parse("0.01"), 0.05, SpotPrice.parse("93500"),
                EntryMethod.MANUAL);
    }

    Trade sent(ExecutionResult r) {
        assertThat(r).isInstanceOf(ExecutionResult.Sent.class);
        return ((ExecutionResult.Sent) r).trade();
    }

    Trade openYes(long contracts, String price) {
        OrderOutcome.Accepted a = filled(fill(contracts, price));
        venue.next(a, a);
        return sent(executor.enter(buy(Side.YES, contracts, price)));
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    // --- lifecycle -------------------------------------------------------------------------------

    @Test
    void aFilledEntryOpensTheTradeWithItsOrderFillAndLog() {
        Trade t = openYes(10, "0.95");
        assertThat(t.status()).isEqualTo(TradeStatus.OPEN);
        assertThat(t.contracts()).isEqualTo(Count.ofContracts(10));
        assertThat(t.entryPrice()).isEqualTo(Price.parse("0.95"));
        assertThat(t.fees()).isEqualTo(Money.parse("0.0333")); // 0.07 × 10 × 0.95 × 0.05 = 0.03325 ↑
        assertThat(t.spotAtOpen()).isEqualTo(SpotPrice.parse("93500"));
        assertThat(trades.orders(t.id())).singleElement().extracting(TradeOrder::status).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(count("SELECT COUNT(*) FROM trading.trade_fill WHERE trade_id = ?", t.id())).isEqualTo(1);
        assertThat(trades.logOf(t.id())).extracting(TradeDetail.LogLine::to)
                .containsExactly(TradeStatus.PENDING, TradeStatus.OPEN);
    }

    @Test
    void theOrderRowWithItsClientIdIsWrittenBeforeTheOrderLeaves() {
        venue.script.add(r -> {
            assertThat(count("SELECT COUNT(*) FROM trading.trade_order WHERE client_order_id = ? AND status = 'SENDING'",
                    r.clientOrderId())).isEqualTo(1);
            return new OrderOutcome.Rejected("insufficient_balance", "no money");
        });
        sent(executor.enter(buy(Side.YES, 1, "0.95")));
        assertThat(venue.received).hasSize(1);
    }

    @Test
    void aDefiniteRejectionRejectsTheTradeWithTheVenuesReason() {
        venue.next(null, new OrderOutcome.Rejected("insufficient_balance", "balance too low"));
        Trade t = sent(executor.enter(buy(Side.YES, 1, "0.95")));
        assertThat(t.status()).isEqualTo(TradeStatus.REJECTED);
        assertThat(t.rejectReason()).contains("insufficient_balance: balance too low");
    }

    @Test
    void anIocThatFindsNothingAtTheWorstPriceIsRejected() {
        venue.next(null, new OrderOutcome.Accepted("v1", List.of()));
        Trade t = sent(executor.enter(buy(Side.YES, 1, "0.90")));
        assertThat(t.status()).isEqualTo(TradeStatus.REJECTED);
        assertThat(t.rejectReason()).contains("no fill at 0.9000 or better");
    }

    @Test
    void closingSellsReduceOnlyIocAndRealizesPnlAfterFees() {
        Trade t = openYes(10, "0.95");
        OrderOutcome.Accepted exit = filled(fill(10, "0.97"));
        venue.next(exit, exit);
        Trade closed = sent(executor.close(t.id(), CloseMethod.MANUAL, "test", Price.parse("0.96")));
        assertThat(venue.received.get(1).reduceOnly()).isTrue();
        assertThat(venue.received.get(1).timeInForce()).isEqualTo(TimeInForce.IOC);
        assertThat(closed.status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(closed.exitPrice()).isEqualTo(Price.parse("0.97"));
        // 9.70 − 9.50 − (0.0333 + 0.0204)
        assertThat(closed.fees()).isEqualTo(Money.parse("0.0537"));
        assertThat(closed.pnl()).isEqualTo(Money.parse("0.1463"));
        assertThat(closed.result()).isEqualTo("WIN");
        assertThat(closed.closeMethod()).isEqualTo(CloseMethod.MANUAL);
    }

    @Test
    void aPartialExitLeavesTheRestOpen() {
        Trade t = openYes(10, "0.95");
        OrderOutcome.Accepted exit = filled(fill(4, "0.97"));
        venue.next(exit, exit);
        Trade after = sent(executor.close(t.id(), CloseMethod.MANUAL, "test", Price.parse("0.96")));
        assertThat(after.status()).isEqualTo(TradeStatus.OPEN);
        assertThat(after.remaining()).isEqualTo(Count.ofContracts(6));
    }

    @Test
    void anOpenTradeExpiresAtTheCloseAndSettlesWithTheRealPayout() {
        Trade t = openYes(10, "0.95");
        clock.set(CLOSE.plusSeconds(1));
        assertThat(trades.expire(clock.instant(), board::spot)).isEqualTo(1);
        assertThat(trades.get(t.id()).orElseThrow().status()).isEqualTo(TradeStatus.EXPIRED);
        active.onSettlement(new SettlementNotice(TICKER, Side.YES, Money.ZERO, clock.instant()));
        Trade settled = trades.get(t.id()).orElseThrow();
        assertThat(settled.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(settled.payout()).isEqualTo(Money.parse("10"));
        assertThat(settled.pnl()).isEqualTo(Money.parse("0.4667")); // 10 − 9.50 − 0.0333
        assertThat(settled.closeMethod()).isEqualTo(CloseMethod.EXPIRED);
        assertThat(settled.spotAtClose()).isEqualTo(SpotPrice.parse("93500"));
    }

    @Test
    void aSettlementAppliedByTwoPassesAtOnceIsAppliedOnceAndNeitherFails() throws Exception {
        // seen in the chaos suite: the account sync and the reconciliation applied one settlement together, and the
        // loser's pass failed with "cannot move from EXPIRED to SETTLED" (the service showed itself degraded)
        for (int round = 0; round < 10; round++) {
            clock.set(CLOSE.minusSeconds(600));
            List<Trade> held = List.of(openYes(2, "0.95"), openYes(3, "0.95"));
            clock.set(CLOSE.plusSeconds(1));
            trades.expire(clock.instant(), board::spot);
            SettlementNotice notice = new SettlementNotice(TICKER, Side.YES, Money.ZERO, clock.instant());
            var together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.Callable<Integer> pass = () -> {
                together.await();
                return trades.settle(notice);
            };
            try (var passes = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                var first = passes.submit(pass);
                var second = passes.submit(pass);
                assertThat(first.get() + second.get()).isEqualTo(2);
            }
            for (Trade t : held) {
                assertThat(trades.get(t.id()).orElseThrow().payout()).isEqualTo(t.contracts().equals(
                        Count.ofContracts(2)) ? Money.parse("2") : Money.parse("3"));
            }
        }
    }

    @Test
    void aLosingSettlementPaysNothing() {
        Trade t = openYes(10, "0.95");
        clock.set(CLOSE.plusSeconds(1));
        active.onSettlement(new SettlementNotice(TICKER, Side.NO, Money.ZERO, clock.instant()));
        Trade settled = trades.get(t.id()).orElseThrow();
        assertThat(settled.payout()).isEqualTo(Money.ZERO);
        assertThat(settled.pnl()).isEqualTo(Money.parse("-9.5333"));
        assertThat(settled.result()).isEqualTo("LOSS");
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        venue.next(null, new OrderOutcome.Rejected("market_closed", "closed"));
        Trade rejected = sent(executor.enter(buy(Side.YES, 1, "0.95")));
        assertThatThrownBy(() -> trades.beginClose(rejected.id(), CloseMethod.MANUAL, "x", Price.parse("0.5")))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("from REJECTED to CLOSING");
        assertThat(trades.orders(rejected.id())).hasSize(1);
        assertThat(trades.get(rejected.id()).orElseThrow().status()).isEqualTo(TradeStatus.REJECTED);
    }

    @Test
    void aTransitionThatFailsHalfwayLeavesNoTrace() {
        TradeManager.PlacedOrder placed = trades.open(buy(Side.YES, 2, "0.95"));
        VenueFill good = fill(1, "0.95");
        VenueFill bad = new VenueFill("x".repeat(65), Count.ofContracts(1), Price.parse("0.95"), Money.ZERO,
                clock.instant());
        assertThatThrownBy(() -> trades.applyOutcome(placed.order().id(), new OrderOutcome.Accepted("v", List.of(good, bad)),
                null)).isInstanceOf(RuntimeException.class);
        assertThat(count("SELECT COUNT(*) FROM trading.trade_fill")).isZero();
        assertThat(trades.order(placed.order().id()).status()).isEqualTo(OrderStatus.SENDING);
        assertThat(trades.get(placed.trade().id()).orElseThrow().status()).isEqualTo(TradeStatus.PENDING);
    }

    // --- UNKNOWN policy ----------------------------------------------------------------------------

    @Test
    void aTimedOutOrderStaysUnknownBlocksItsMarketAndIsResolvedByLookupWithExactlyOneOrder() {
        OrderOutcome.Accepted atVenue = filled(fill(3, "0.95"));
        venue.next(atVenue, new OrderOutcome.Unknown("timeout after 10 s"));
        Trade t = sent(executor.enter(buy(Side.YES, 3, "0.95")));
        assertThat(t.status()).isEqualTo(TradeStatus.PENDING);
        assertThat(trades.orders(t.id()).get(0).status()).isEqualTo(OrderStatus.UNKNOWN);

        ExecutionResult second = executor.enter(buy(Side.NO, 1, "0.06"));
        assertThat(second).isInstanceOf(ExecutionResult.Blocked.class);
        assertThat(((ExecutionResult.Blocked) second).reason()).contains("is UNKNOWN");

        clock.advance(Duration.ofSeconds(1));
        assertThat(executor.resolveUnknown(false)).isZero();
        Trade resolved = trades.get(t.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(TradeStatus.OPEN);
        assertThat(resolved.contracts()).isEqualTo(Count.ofContracts(3));
        assertThat(venue.received).hasSize(1);
        assertThat(trades.marketBlocked(TICKER)).isFalse();
    }

    @Test
    void aFailedLookupIsRetriedWithBackOff() {
        venue.next(filled(fill(1, "0.95")), new OrderOutcome.Unknown("HTTP 503"));
        Trade t = sent(executor.enter(buy(Side.YES, 1, "0.95")));
        clock.advance(Duration.ofSeconds(1));
        venue.lookupFailures.add(new OrderLookup.Failed("HTTP 429"));
        assertThat(executor.resolveUnknown(false)).isEqualTo(1);
        TradeOrder o = trades.orders(t.id()).get(0);
        assertThat(o.lookups()).isEqualTo(1);
        assertThat(o.nextLookupAt()).isEqualTo(clock.instant().plusSeconds(2));
        clock.advance(Duration.ofSeconds(1));
        assertThat(executor.resolveUnknown(false)).as("not due yet").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(executor.resolveUnknown(false)).isZero();
        assertThat(trades.get(t.id()).orElseThrow().status()).isEqualTo(TradeStatus.OPEN);
    }

    @Test
    void anOrderTheVenueNeverGotIsRejectedOnlyAfterTheGracePeriod() {
        venue.next(null, new OrderOutcome.Unknown("connection reset"));
        Trade t = sent(executor.enter(buy(Side.YES, 1, "0.95")));
        clock.advance(Duration.ofSeconds(5));
        executor.resolveUnknown(true);
        assertThat(trades.get(t.id()).orElseThrow().status()).isEqualTo(TradeStatus.PENDING);
        clock.advance(Duration.ofSeconds(5));
        executor.resolveUnknown(true);
        Trade rejected = trades.get(t.id()).orElseThrow();
        assertThat(rejected.status()).isEqualTo(TradeStatus.REJECTED);
        assertThat(rejected.rejectReason()).contains("not_found");
    }

    @Test
    void aVenueAdapterThatThrowsLeavesTheOrderUnknownNotRejected() {
        venue.script.add(r -> {
            throw new IllegalStateException("socket closed");
        });
        Trade t = sent(executor.enter(buy(Side.YES, 1, "0.95")));
        assertThat(t.status()).isEqualTo(TradeStatus.PENDING);
        assertThat(trades.marketBlocked(TICKER)).isTrue();
    }

    @Test
    void anOrderSentJustBeforeACrashIsRecoveredByTheStartUpReconciliationNotResent() {
        // The order row was committed and the order reached the venue, but the process died before the answer.
        TradeManager.PlacedOrder placed = trades.open(buy(Side.YES, 4, "0.95"));
        venue.held.put(placed.order().clientOrderId(), filled(fill(4, "0.95")));
        venue.account = new VenueAccount(Money.ZERO, List.of(new VenuePosition(TICKER, Count.ofContracts(4))), List.of(), List.of());
        gate.hold(TradingHold.Kind.RECONCILIATION, TradingMode.HALTED, TradingGate.NOT_RECONCILED);
        clock.advance(Duration.ofSeconds(30));
        tick(0.0);

        assertThat(services.reconcileNow()).isTrue();

        Trade recovered = trades.get(placed.trade().id()).orElseThrow();
        assertThat(recovered.status()).isEqualTo(TradeStatus.OPEN);
        assertThat(recovered.contracts()).isEqualTo(Count.ofContracts(4));
        assertThat(venue.received).as("nothing was sent again").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM trading.trade_order")).isEqualTo(1);
        assertThat(raisedAlerts("RECONCILE_POSITION")).isZero();
    }

    // --- reconciliation ----------------------------------------------------------------------------

    @Test
    void tradingStaysOffUntilTheStartUpReconciliationSucceeds() {
        gate.hold(TradingHold.Kind.RECONCILIATION, TradingMode.HALTED, TradingGate.NOT_RECONCILED);
        venue.accountDown = true;
        assertThat(services.reconcileNow()).isFalse();
        ExecutionResult blocked = executor.enter(buy(Side.YES, 1, "0.95"));
        assertThat(((ExecutionResult.Blocked) blocked).reason()).startsWith("trading is off");
        venue.accountDown = false;
        assertThat(services.reconcileNow()).isTrue();
        assertThat(gate.state().mode()).isEqualTo(TradingMode.ACTIVE);
    }

    @Test
    void aPositionTheVenueNoLongerHoldsIsClosedAsReconciled() throws Exception {
        Trade t = openYes(10, "0.95");
        venue.account = new VenueAccount(Money.ZERO, List.of(), List.of(), List.of());
        new ReconcilerCheck().run();
        Trade after = trades.get(t.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(after.closeMethod()).isEqualTo(CloseMethod.RECONCILED);
        assertThat(raisedAlerts("RECONCILE_POSITION")).isEqualTo(1);
    }

    @Test
    void aReconciledTradeKeepsWhatItBoughtAndAtWhatPriceAndSaysHowItEnded() throws Exception {
        Trade t = openYes(10, "0.95");
        venue.account = new VenueAccount(Money.ZERO, List.of(new VenuePosition(TICKER, Count.ofContracts(4))),
                List.of(), List.of());
        new ReconcilerCheck().run();
        Trade trimmed = trades.get(t.id()).orElseThrow();
        assertThat(trimmed.contracts()).isEqualTo(Count.ofContracts(10));
        assertThat(trimmed.entryPrice()).isEqualTo(t.entryPrice());
        assertThat(trimmed.remaining()).isEqualTo(Count.ofContracts(4));

        venue.account = new VenueAccount(Money.ZERO, List.of(), List.of(), List.of());
        new ReconcilerCheck().run();
        Trade ended = trades.get(t.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(ended.contracts()).isEqualTo(Count.ofContracts(10));
        assertThat(ended.entryPrice()).isEqualTo(t.entryPrice());
        assertThat(ended.remaining()).isEqualTo(Count.ZERO);
        assertThat(ended.closeMethod()).isEqualTo(CloseMethod.RECONCILED);
        assertThat(ended.closeReason()).contains("holds no YES");
        assertThat(trades.logOf(t.id())).map(TradeDetail.LogLine::message)
                .anySatisfy(m -> assertThat(m).contains("of 10.00 contracts").contains("no longer held"));
    }

    @Test
    void aPositionWithNoLocalTradeIsAdopted() throws Exception {
        MarketTicker other = MarketTicker.parse("KXBTCD-26SEP2516-T93000");
        venue.account = new VenueAccount(Money.ZERO, List.of(new VenuePosition(other, Count.ofContracts(-4))), List.of(), List.of());
        new ReconcilerCheck().run();
        Trade adopted = trades.withStatus(TradeStatus.OPEN).get(0);
        assertThat(adopted.entryMethod()).isEqualTo(EntryMethod.EXTERNAL);
        assertThat(adopted.side()).isEqualTo(Side.NO);
        assertThat(adopted.contracts()).isEqualTo(Count.ofContracts(4));
        assertThat(raisedAlerts("RECONCILE_POSITION")).isEqualTo(1);
    }

    @Test
    void aSettlementMissedWhileDownIsAppliedByReconciliation() {
        Trade t = openYes(10, "0.95");
        clock.set(CLOSE.plusSeconds(120));
        tick(0.0);
        trades.expire(clock.instant(), board::spot);
        venue.account = new VenueAccount(Money.ZERO, List.of(), List.of(),
                List.of(new SettlementNotice(TICKER, Side.YES, Money.ZERO, CLOSE.plusSeconds(60))));
        new ReconcilerCheck().run();
        Trade settled = trades.get(t.id()).orElseThrow();
        assertThat(settled.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(settled.payout()).isEqualTo(Money.parse("10"));
        assertThat(raisedAlerts("RECONCILE_SETTLEMENT")).isEqualTo(1);
        assertThat(raisedAlerts("RECONCILE_POSITION")).isZero();
    }

    @Test
    void aTradeWhoseMarketSettledWhileRecioWasDownIsSettledWithItsPayoutNotTrimmed() {
        // found by the chaos suite (seed 14101): killed with the order in flight, the event settled before the restart
        TradeManager.PlacedOrder placed = trades.open(buy(Side.YES, 4, "0.95"));
        venue.held.put(placed.order().clientOrderId(), filled(fill(4, "0.95")));
        clock.set(CLOSE.plusSeconds(120));
        tick(0.0);
        venue.account = new VenueAccount(Money.ZERO, List.of(), List.of(),
                List.of(new SettlementNotice(TICKER, Side.YES, Money.ZERO, CLOSE.plusSeconds(60))));
        new ReconcilerCheck().run();
        Trade settled = trades.get(placed.trade().id()).orElseThrow();
        assertThat(settled.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(settled.payout()).isEqualTo(Money.parse("4"));
        assertThat(raisedAlerts("RECONCILE_POSITION")).isZero();
    }

    @Test
    void aPositionListedBeforeItsMarketSettledIsNotAdoptedOnceTheSettlementIsApplied() {
        // found by the chaos suite (seed 14161): the venue's positions were read a moment before it settled the event,
        // its settlements a moment after, and the pass adopted every position it had just settled
        Trade t = openYes(10, "0.95");
        clock.set(CLOSE.plusSeconds(30));
        tick(0.0);
        trades.expire(clock.instant(), board::spot);
        venue.account = new VenueAccount(Money.ZERO, List.of(new VenuePosition(TICKER, Count.ofContracts(10))),
                List.of(), List.of(new SettlementNotice(TICKER, Side.YES, Money.ZERO, CLOSE.plusSeconds(20))));
        new ReconcilerCheck().run();
        assertThat(trades.get(t.id()).orElseThrow().status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(trades.live()).isEmpty();
        assertThat(raisedAlerts("RECONCILE_POSITION")).isZero();
    }

    @Test
    void anExpiredTradeAwaitingItsSettlementIsNotTrimmedWhenTheVenueListsNoPosition() {
        Trade t = openYes(10, "0.95");
        clock.set(CLOSE.plusSeconds(30));
        tick(0.0);
        venue.account = new VenueAccount(Money.ZERO, List.of(), List.of(), List.of());
        new ReconcilerCheck().run();
        assertThat(trades.get(t.id()).orElseThrow().status()).isEqualTo(TradeStatus.EXPIRED);
    }

    @Test
    void aFillMissingLocallyIsImportedAndTheTradeCorrected() throws Exception {
        Trade t = openYes(5, "0.95");
        String clientId = trades.orders(t.id()).get(0).clientOrderId();
        VenueFill missed = fill(2, "0.95");
        venue.account = new VenueAccount(Money.ZERO, List.of(new VenuePosition(TICKER, Count.ofContracts(7))),
                List.of(new VenueAccount.ClientFill(clientId, null, missed)), List.of());
        new ReconcilerCheck().run();
        assertThat(trades.get(t.id()).orElseThrow().contracts()).isEqualTo(Count.ofContracts(7));
        assertThat(raisedAlerts("RECONCILE_FILL")).isEqualTo(1);
        assertThat(raisedAlerts("RECONCILE_POSITION")).isZero();
    }

    @Test
    void aBalanceThatLocalRecordsDoNotExplainRaisesAnAlert() throws Exception {
        venue.account = new VenueAccount(Money.parse("100"), List.of(), List.of(), List.of());
        new ReconcilerCheck().run();
        clock.advance(Duration.ofSeconds(1));
        Trade t = openYes(10, "0.95"); // −9.50 − 0.0333
        venue.account = new VenueAccount(Money.parse("90.4667"), List.of(new VenuePosition(TICKER, Count.ofContracts(10))),
                List.of(), List.of());
        new ReconcilerCheck().run();
        assertThat(raisedAlerts("RECONCILE_BALANCE")).isZero();
        venue.account = new VenueAccount(Money.parse("80"), List.of(new VenuePosition(TICKER, Count.ofContracts(10))),
                List.of(), List.of());
        new ReconcilerCheck().run();
        assertThat(raisedAlerts("RECONCILE_BALANCE")).isEqualTo(1);
        assertThat(t.status()).isEqualTo(TradeStatus.OPEN);
    }

    // --- risk ----------------------------------------------------------------------------------------

    @Test
    void theKillSwitchBlocksEntriesAndTheBlockIsLoggedWithItsReason() {
        killSwitch.engage("manual by test");
        ExecutionResult r = executor.enter(buy(Side.YES, 1, "0.95"));
        assertThat(((ExecutionResult.Blocked) r).reason()).isEqualTo("kill switch engaged: manual by test");
        assertThat(count("SELECT COUNT(*) FROM trading.trade_log WHERE trade_id IS NULL AND message LIKE ?",
                "%kill switch engaged: manual by test%")).isEqualTo(1);
        assertThat(venue.received).isEmpty();
    }

    @Test
    void stalePriceDataBlocksEntries() {
        clock.advance(Duration.ofSeconds(11));
        ExecutionResult r = executor.enter(buy(Side.YES, 1, "0.95"));
        assertThat(((ExecutionResult.Blocked) r).reason()).startsWith("stale data: BTC price is 11 s old");
    }

    @Test
    void reachingTheDailyLossLimitTripsTheKillSwitch() {
        Trade t = openYes(60, "0.95");
        OrderOutcome.Accepted exit = filled(fill(60, "0.01"));
        venue.next(exit, exit);
        executor.close(t.id(), CloseMethod.MANUAL, "dump", Price.parse("0.01"));
        active.pass();
        assertThat(killSwitch.engaged()).get().asString().startsWith("daily loss");
    }

    // --- supervisors -----------------------------------------------------------------------------------

    @Test
    void autoEntryBuysAPassingStrikeOnceThenTheCooldownAndOpenTradeHoldIt() {
        settings.save("admin", enabled());
        board.update(Fixtures.view(clock.instant()));
        OrderOutcome.Accepted a = filled(fill(1, "0.95"));
        venue.next(a, a);
        List<ExecutionResult> first = autoEntry.scan();
        assertThat(first).hasSize(1);
        Trade t = sent(first.get(0));
        assertThat(t.entryMethod()).isEqualTo(EntryMethod.AUTO);
        assertThat(t.probAtEntry()).isEqualTo(0.97);
        assertThat(venue.received.get(0).worstPrice()).isEqualTo(Price.parse("0.95"));
        clock.advance(Duration.ofSeconds(30));
        tick(0.0);
        assertThat(autoEntry.scan()).isEmpty();
        assertThat(autoEntryState.lastEntry("admin", TICKER, Side.YES)).isEqualTo(START);
    }

    @Test
    void theSpikeAlertPausesAutoEntryAndSurvivesARestart() {
        settings.save("admin", enabled());
        tick(0.5);
        autoEntry.onTick(board.tick(Symbol.BTC).orElseThrow());
        assertThat(autoEntry.status()).isEqualTo(AutoEntryStatus.PAUSED);
        assertThat(autoEntryState.spike("admin", Symbol.BTC).alert()).isTrue();
        board.update(Fixtures.view(clock.instant()));
        assertThat(autoEntry.scan()).isEmpty();
    }

    @Test
    void theAutoStopClosesAfterTheVerificationDelay() {
        Trade t = openYes(2, "0.95");
        clock.advance(Duration.ofSeconds(60));
        tick(0.0);
        board.update(Fixtures.view(clock.instant(), 0.30));
        active.pass();
        assertThat(trades.stopPendingSince(t.id())).contains(clock.instant());
        clock.advance(Duration.ofSeconds(15));
        tick(0.0);
        OrderOutcome.Accepted exit = filled(fill(2, "0.94"));
        venue.next(exit, exit);
        List<ExecutionResult> closes = active.pass();
        Trade closed = sent(closes.get(0));
        assertThat(closed.status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(closed.closeMethod()).isEqualTo(CloseMethod.AUTO);
        assertThat(closed.closeReason()).contains("probability 30.00 below 40.00");
        assertThat(venue.received.get(1).worstPrice()).isEqualTo(Price.parse("0.89"));
    }

    @Test
    void theActiveTradeViewShowsLiveValue() {
        openYes(10, "0.95");
        board.update(Fixtures.view(clock.instant()));
        active.pass();
        assertThat(active.active()).singleElement().satisfies(a -> {
            assertThat(a.probability()).isEqualTo(0.97);
            assertThat(a.closePrice()).isEqualTo(Price.parse("0.94"));
            // 9.40 − fee 0.0395 − 9.50
            assertThat(a.unrealizedPnl()).isEqualTo(Money.parse("-0.1395"));
            assertThat(a.distanceToStrike()).isEqualTo(700.01);
        });
    }

    // --- what the console is told and shown ------------------------------------------------------------

    @Test
    void everyTransitionIsAnnouncedWithTheTradeAsCommitted() {
        Trade t = openYes(2, "0.95");
        assertThat(announced.events).extracting(TradeUpdated::from, TradeUpdated::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, TradeStatus.PENDING),
                        org.assertj.core.groups.Tuple.tuple(TradeStatus.PENDING, TradeStatus.OPEN));
        assertThat(announced.events.get(1).trade().contracts()).isEqualTo(Count.ofContracts(2));
        assertThat(announced.events.get(1).trade().id()).isEqualTo(t.id());
    }

    @Test
    void aChangeIsAnnouncedOnlyWhenItsTransactionCommits() {
        Trade t = openYes(1, "0.95");
        announced.events.clear();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            trades.logLine(t.id(), TradeStatus.OPEN, TradeStatus.OPEN, "a note", clock.instant());
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(announced.events).isEmpty();
        tx.executeWithoutResult(s -> trades.logLine(t.id(), TradeStatus.OPEN, TradeStatus.OPEN, "a note", clock.instant()));
        assertThat(announced.events).singleElement().extracting(TradeUpdated::message).isEqualTo("a note");
    }

    @Test
    void anOrderWhoseOutcomeIsUnknownShowsAmongTheActiveTradesAsUnknownUntilResolved() {
        venue.next(filled(fill(1, "0.95")), new OrderOutcome.Unknown("timeout after 10 s"));
        Trade t = sent(executor.enter(buy(Side.YES, 1, "0.95")));
        assertThat(announced.events).last().satisfies(e -> {
            assertThat(e.to()).isEqualTo(TradeStatus.PENDING);
            assertThat(e.outcomeUnknown()).isTrue();
        });
        active.pass();
        assertThat(active.active()).singleElement().satisfies(a -> {
            assertThat(a.trade().status()).isEqualTo(TradeStatus.PENDING);
            assertThat(a.outcomeUnknown()).isTrue();
            assertThat(a.unrealizedPnl()).isNull();
        });
        clock.advance(Duration.ofSeconds(1));
        executor.resolveUnknown(false);
        active.pass();
        assertThat(active.active()).singleElement().satisfies(a -> {
            assertThat(a.trade().id()).isEqualTo(t.id());
            assertThat(a.trade().status()).isEqualTo(TradeStatus.OPEN);
            assertThat(a.outcomeUnknown()).isFalse();
        });
        assertThat(announced.events).last().extracting(TradeUpdated::from, TradeUpdated::to)
                .containsExactly(TradeStatus.PENDING, TradeStatus.OPEN);
    }

    @Test
    void theHistoryFiltersPagesAndSumsUpFinishedTrades() {
        Trade win = openYes(10, "0.95");
        OrderOutcome.Accepted exit = filled(fill(10, "0.97"));
        venue.next(exit, exit);
        executor.close(win.id(), CloseMethod.MANUAL, "test", Price.parse("0.96"));
        venue.next(null, new OrderOutcome.Rejected("insufficient_balance", "balance too low"));
        executor.enter(buy(Side.NO, 1, "0.06"));
        Trade open = openYes(1, "0.95");

        assertThat(history.page(TradeFilter.ALL, 0, 2).trades()).extracting(Trade::id).startsWith(open.id());
        assertThat(history.page(TradeFilter.ALL, 0, 2).total()).isEqualTo(3);
        assertThat(history.page(TradeFilter.ALL, 1, 2).trades()).extracting(Trade::id).containsExactly(win.id());
        TradeFilter ticker = TradeFilter.fromQuery(java.util.Map.of("ticker", "t92799.9")::get, java.time.ZoneOffset.UTC);
        assertThat(history.page(ticker, 0, 10).total()).isEqualTo(3);
        TradeFilter wildcard = TradeFilter.fromQuery(java.util.Map.of("ticker", "%")::get, java.time.ZoneOffset.UTC);
        assertThat(history.page(wildcard, 0, 10).total()).isZero();
        TradeFilter rejected = TradeFilter.fromQuery(java.util.Map.of("status", "rejected", "side", "no")::get,
                java.time.ZoneOffset.UTC);
        assertThat(history.page(rejected, 0, 10).trades()).singleElement()
                .extracting(Trade::rejectReason).asString().contains("balance too low");
        assertThat(history.page(TradeFilter.ALL.ownedBy("someone-else"), 0, 10).total()).isZero();

        TradeSummary s = history.summary(TradeFilter.ALL);
        assertThat(s.trades()).isEqualTo(3);
        assertThat(s.finished()).isEqualTo(1);
        assertThat(s.wins()).isEqualTo(1);
        assertThat(s.netPnl()).isEqualTo(Money.parse("0.1463"));
        assertThat(s.fees()).isEqualTo(Money.parse("0.0537"));
        assertThat(s.grossPnl()).isEqualTo(Money.parse("0.2000"));
        assertThat(s.averageProbability()).isEqualTo(0.97);
        assertThat(s.equity()).singleElement().extracting(TradeSummary.EquityPoint::tradeId).isEqualTo(win.id());
        assertThat(s.byProbability()).filteredOn(g -> g.finished() > 0).singleElement()
                .extracting(TradeSummary.Group::label).isEqualTo("95–98 %");
        assertThat(s.byMinutesToClose()).filteredOn(g -> g.finished() > 0).singleElement()
                .extracting(TradeSummary.Group::label).isEqualTo("10–15 min");
        assertThat(history.detail(win.id())).hasValueSatisfying(d -> {
            assertThat(d.orders()).extracting(o -> o.purpose()).containsExactly("ENTRY", "EXIT");
            assertThat(d.fills()).hasSize(2);
            assertThat(d.log()).extracting(l -> l.to()).contains(TradeStatus.PENDING, TradeStatus.OPEN, TradeStatus.CLOSED);
        });
    }

    @Test
    void inDemoModeTheBotStartsWithAutoEntryOnUntilItsSettingsAreSaved() {
        TradingProperties p = new TradingProperties(properties.venue(), properties.user(), properties.paperBalance(),
                properties.reconcileInterval(), properties.lookupGrace(), properties.exitSlippageCents(),
                properties.risk(), true);
        FirstStartSettings firstStart = new FirstStartSettings(settings, p);
        firstStart.apply();
        TradeSettings demo = settings.of(p.user());
        assertThat(demo.autoEntryEnabled()).isTrue();
        assertThat(demo.minVolume()).isEqualTo(Count.ZERO);
        assertThat(demo.problems()).isEmpty();
        TradeSettings off = FirstStartSettings.demo(TradeSettings.DEFAULTS);
        settings.save(p.user(), new TradeSettings(false, off.autoStopEnabled(), off.positionSize(), off.multiplier(),
                off.minProbability(), off.minEdge(), off.minTimeSeconds(), off.maxTimeSeconds(), off.cooldownSeconds(),
                off.spikeThreshold(), off.recoveryThreshold(), off.recoveryMinutes(), off.minVolume(), off.maxAsk(),
                off.stopProbability(), off.stopMinHoldSeconds(), off.stopVerifySeconds(), off.momentumStopEnabled(),
                off.momentumStopThreshold()));
        firstStart.apply();
        assertThat(settings.of(p.user()).autoEntryEnabled()).isFalse();
    }

    static TradeSettings enabled() {
        TradeSettings d = TradeSettings.DEFAULTS;
        return new TradeSettings(true, d.autoStopEnabled(), d.positionSize(), d.multiplier(), d.minProbability(),
                d.minEdge(), d.minTimeSeconds(), d.maxTimeSeconds(), d.cooldownSeconds(), d.spikeThreshold(),
                d.recoveryThreshold(), d.recoveryMinutes(), d.minVolume(), d.maxAsk(), d.stopProbability(),
                d.stopMinHoldSeconds(), d.stopVerifySeconds(), d.momentumStopEnabled(), d.momentumStopThreshold());
    }

    /** One reconciliation pass that must succeed. */
    final class ReconcilerCheck {
        void run() {
            assertThat(services.reconcileNow()).isTrue();
        }
    }

    /** How many alerts of {@code kind} were raised (ops keeps every one in system.alert). */
    long raisedAlerts(String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM system.alert WHERE kind = ?").param(kind).query(Long.class).single();
    }
}
