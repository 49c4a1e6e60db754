package io.recio.kalshi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.kalshi.BalanceChanged;
import io.recio.kalshi.FillReceived;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.OrderAction;
import io.recio.kalshi.OrderOutcome;
import io.recio.kalshi.OrderRequest;
import io.recio.kalshi.OrderUpdated;
import io.recio.kalshi.PositionChanged;
import io.recio.kalshi.TimeInForce;
import io.recio.kalshi.client.KalshiRestClient;
import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kalshi_account_sync against the exchange simulator and the real PostgreSQL: the REST baseline, live fills,
 * orders and positions from the socket, and the REST pass that repeats them without doubling anything.
 */
class KalshiAccountSyncSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ATM = "KXBTCD-26SEP2516-T89999.99";

    private static SimulatedKalshi kalshi;
    private static KalshiAccountSync sync;
    private static KalshiRestClient rest;

    @BeforeAll
    static void start() throws Exception {
        kalshi = new SimulatedKalshi();
        sync = kalshi.startAccountSync();
        rest = kalshi.rest(kalshi.clock, Duration.ofSeconds(5), 4);
        await().atMost(WAIT).until(() -> sync.passes() >= 1);
    }

    @AfterAll
    static void stop() throws Exception {
        kalshi.close();
    }

    private static long fillRows(String orderId) {
        return kalshi.jdbc.sql("SELECT COUNT(*) FROM trading.fill WHERE order_id = ?").param(orderId)
                .query(Long.class).single();
    }

    @Test
    void restPassRecordsTheBalanceOfTheAccountAndItsShards() {
        sync.pass();

        assertThat(kalshi.account.balance().available()).isEqualTo(rest.balance().available());
        assertThat(kalshi.events(BalanceChanged.class)).isNotEmpty();
    }

    @Test
    void fillArrivesOnceThoughTheSocketAndTheRestPassBothReportIt() {
        OrderRequest order = new OrderRequest(MarketTicker.parse(ATM), Side.YES, OrderAction.BUY, Count.ofContracts(3),
                Price.parse("0.99"), TimeInForce.IMMEDIATE_OR_CANCEL, false, "sync-" + UUID.randomUUID());
        OrderOutcome.Accepted accepted = (OrderOutcome.Accepted) rest.createOrder(order);
        assertThat(accepted.filled().isPositive()).isTrue();

        await().atMost(WAIT).until(() -> fillRows(accepted.orderId()) > 0);
        sync.pass();
        sync.pass();

        long rows = fillRows(accepted.orderId());
        assertThat(rows).isEqualTo(rest.fills(ATM).filter(f -> f.orderId().equals(accepted.orderId())).count());
        assertThat(kalshi.events(FillReceived.class)).map(FillReceived::fill)
                .filteredOn(f -> f.orderId().equals(accepted.orderId()))
                .hasSize((int) rows)
                .extracting(KalshiFill::tradeId).doesNotHaveDuplicates();
        Count filled = kalshi.account.fills(1000).stream().filter(f -> f.orderId().equals(accepted.orderId()))
                .map(KalshiFill::count).reduce(Count.ZERO, Count::plus);
        assertThat(filled).isEqualTo(accepted.filled());
    }

    @Test
    void aFillOnTheSocketBringsTheNewBalanceWithoutWaitingForTheRestPass() {
        OrderRequest order = new OrderRequest(MarketTicker.parse(ATM), Side.YES, OrderAction.BUY, Count.ofContracts(1),
                Price.parse("0.99"), TimeInForce.IMMEDIATE_OR_CANCEL, false, "sync-" + UUID.randomUUID());
        rest.createOrder(order);

        // well inside the 30 s period of the REST pass: the test clock stands still, so the duty cycle is
        // stepped a second ahead, past the short delay the balance read waits for a burst of messages
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            sync.doWork(kalshi.clock.instant().plusSeconds(1));
            assertThat(kalshi.account.balance().available()).isEqualTo(rest.balance().available());
        });
    }

    @Test
    void positionAndOrderOfAFillAreMirrored() {
        OrderRequest order = new OrderRequest(MarketTicker.parse(ATM), Side.NO, OrderAction.BUY, Count.ofContracts(2),
                Price.parse("0.99"), TimeInForce.IMMEDIATE_OR_CANCEL, false, "sync-" + UUID.randomUUID());
        OrderOutcome.Accepted accepted = (OrderOutcome.Accepted) rest.createOrder(order);

        sync.pass();

        await().atMost(WAIT).untilAsserted(() -> {
            var exchange = rest.positions().filter(p -> p.ticker().equals(ATM)).findFirst().orElseThrow();
            assertThat(kalshi.account.openPositions()).filteredOn(p -> p.ticker().equals(ATM))
                    .singleElement().satisfies(p -> assertThat(p.position()).isEqualTo(exchange.position()));
        });
        assertThat(kalshi.events(PositionChanged.class)).isNotEmpty();
        assertThat(kalshi.events(OrderUpdated.class)).map(OrderUpdated::order)
                .anySatisfy(o -> assertThat(o.orderId()).isEqualTo(accepted.orderId()));
    }

    @Test
    void restingOrderIsMirroredAndLeavesTheMirrorWhenCanceled() {
        OrderRequest order = new OrderRequest(MarketTicker.parse(ATM), Side.YES, OrderAction.BUY, Count.ofContracts(1),
                Price.parse("0.02"), TimeInForce.GOOD_TILL_CANCELED, false, "sync-" + UUID.randomUUID());
        OrderOutcome.Accepted accepted = (OrderOutcome.Accepted) rest.createOrder(order);

        await().atMost(WAIT).until(() -> kalshi.account.restingOrders().stream()
                .anyMatch(o -> o.orderId().equals(accepted.orderId())));
        rest.cancelOrder(accepted.orderId(), ATM);

        await().atMost(WAIT).until(() -> kalshi.account.restingOrders().stream()
                .noneMatch(o -> o.orderId().equals(accepted.orderId())));
    }

    @Test
    void aPositionTheExchangeNoLongerReportsLeavesTheMirrorOnTheNextPass() {
        String gone = "KXBTCD-26SEP2515-T88999.99";
        kalshi.jdbc.sql("INSERT INTO trading.position (ticker, position, exposure, realized_pnl, fees_paid, updated_at,"
                + " observed_at) VALUES (?, 500, 2500, 0, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").param(gone).update();

        sync.pass();

        assertThat(kalshi.account.openPositions()).extracting(p -> p.ticker()).doesNotContain(gone)
                .containsExactlyInAnyOrderElementsOf(rest.positions().filter(p -> p.position().units() != 0)
                        .map(p -> p.ticker()).toList());
        assertThat(kalshi.events(PositionChanged.class)).map(PositionChanged::position)
                .anySatisfy(p -> {
                    assertThat(p.ticker()).isEqualTo(gone);
                    assertThat(p.position()).isEqualTo(Count.ZERO);
                });
    }
}
