package io.recio.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.recio.market.Count;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.ops.TradingImpact;
import io.recio.trading.venue.OrderAction;
import io.recio.trading.venue.TimeInForce;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** trade_executor's health: an order the venue has not answered makes it DEGRADED, then suspends entries. */
class TradeExecutorServiceTest {

    private static final Instant SENT = Instant.parse("2026-09-25T19:30:00Z");

    private final TradeManager trades = mock(TradeManager.class);
    private final TradeExecutorService service = new TradeExecutorService(mock(TradeExecutor.class), trades,
            mock(TradingPasses.class));

    private static TradeOrder unanswered(OrderStatus status) {
        return new TradeOrder(7, 3, "recio-3-1", 1, OrderPurpose.ENTRY, Fixtures.TICKER, Side.YES, OrderAction.BUY,
                Count.ofContracts(2), Price.parse("0.95"), TimeInForce.IOC, false, status, 0, null, SENT);
    }

    @Test
    void noOrderWithoutAnAnswerIsNoTrouble() {
        when(trades.unresolvedOrders()).thenReturn(List.of());

        assertThat(service.stuck(SENT.plusSeconds(60))).isNull();
    }

    @Test
    void anOrderInFlightForLessThanTenSecondsIsNormal() {
        when(trades.unresolvedOrders()).thenReturn(List.of(unanswered(OrderStatus.SENDING)));

        assertThat(service.stuck(SENT.plusSeconds(9))).isNull();
    }

    @Test
    void anOrderWithoutAnAnswerForTenSecondsDegradesAndForThirtySuspendsEntries() {
        when(trades.unresolvedOrders()).thenReturn(List.of(unanswered(OrderStatus.UNKNOWN)));

        TradingPasses.Trouble after10 = service.stuck(SENT.plusSeconds(10));
        TradingPasses.Trouble after30 = service.stuck(SENT.plusSeconds(30));

        assertThat(after10.impact()).isEqualTo(TradingImpact.NONE);
        assertThat(after10.reason()).isEqualTo(
                "1 order has no answer from the venue, the oldest (recio-3-1 to KXBTCD-26SEP2516-T92799.99) for 10 s");
        assertThat(after30.impact()).isEqualTo(TradingImpact.SUSPEND_ENTRIES);
    }
}
