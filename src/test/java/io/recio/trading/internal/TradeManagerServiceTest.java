package io.recio.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.testsupport.MutableClock;
import io.recio.testsupport.RecordingContext;
import io.recio.trading.TradingMode;
import io.recio.trading.venue.VenueUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** trade_manager stepped by hand under a test clock, as the backtester steps services: when it reconciles. */
class TradeManagerServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final Reconciler reconciler = mock(Reconciler.class);
    private final TradeExecutor executor = mock(TradeExecutor.class);
    private final KillSwitch killSwitch = mock(KillSwitch.class);
    private final TradingGate gate = new TradingGate(killSwitch, clock, e -> { });
    private final TradingPasses passes = new TradingPasses(gate);
    private final TradingProperties properties = new TradingProperties("paper", "admin", 10_000,
            Duration.ofSeconds(60), Duration.ofSeconds(10), 5, new TradingProperties.Risk(100, 100, 500, 10, 100,
            Duration.ofSeconds(10)), false);
    private final TradeManagerService service = new TradeManagerService(reconciler, executor, passes, gate,
            properties);
    private final RecordingContext context = new RecordingContext(ServiceName.TRADE_MANAGER);

    private int step(Duration after) {
        clock.set(T0.plus(after));
        return service.doWork(clock.instant());
    }

    @Test
    void theStartUpReconciliationIsRetriedEveryFiveSecondsThenRunsEveryReconcileInterval() throws Exception {
        when(killSwitch.engaged()).thenReturn(Optional.empty());
        when(reconciler.reconcile()).thenThrow(new VenueUnavailableException("Kalshi is down"))
                .thenReturn(new Reconciler.Report(0, 0, List.of()));
        service.start(context);

        assertThat(step(Duration.ZERO)).isEqualTo(1);
        assertThat(gate.state().mode()).isEqualTo(TradingMode.HALTED);
        assertThat(gate.state().why()).isEqualTo(
                "trading is off until the start-up reconciliation succeeds: reconciliation failed: Kalshi is down");
        assertThat(context.state()).isEqualTo(ServiceState.DEGRADED);
        assertThat(context.reason()).isEqualTo("reconciliation failed: Kalshi is down");
        assertThat(step(Duration.ofSeconds(4))).as("not due yet").isZero();

        assertThat(step(Duration.ofSeconds(5))).isEqualTo(1);
        assertThat(gate.state().mode()).isEqualTo(TradingMode.ACTIVE);
        assertThat(context.state()).isEqualTo(ServiceState.RUNNING);

        assertThat(step(Duration.ofSeconds(64))).isZero();
        assertThat(step(Duration.ofSeconds(65))).isEqualTo(1);
        verify(reconciler, times(3)).reconcile();
    }
}
