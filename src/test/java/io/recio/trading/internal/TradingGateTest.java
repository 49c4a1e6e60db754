package io.recio.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.recio.ops.TradingSuspension;
import io.recio.testsupport.MutableClock;
import io.recio.trading.TradingHold;
import io.recio.trading.TradingMode;
import io.recio.trading.TradingState;
import io.recio.trading.TradingStateChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The trading state: the most restrictive hold wins, each hold says why, changes are published. */
class TradingGateTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final KillSwitch killSwitch = mock(KillSwitch.class);
    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final TradingGate gate = new TradingGate(killSwitch, clock, published::add);

    {
        when(killSwitch.engaged()).thenReturn(Optional.empty());
    }

    @Test
    void tradingIsHaltedUntilTheStartUpReconciliationSucceeds() {
        TradingState state = gate.state();

        assertThat(state.mode()).isEqualTo(TradingMode.HALTED);
        assertThat(state.entriesAllowed()).isFalse();
        assertThat(state.exitsAllowed()).isFalse();
        assertThat(state.holds()).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(TradingHold.Kind.RECONCILIATION);
            assertThat(h.since()).isEqualTo(T0);
        });

        gate.release(TradingHold.Kind.RECONCILIATION);

        assertThat(gate.state().mode()).isEqualTo(TradingMode.ACTIVE);
        assertThat(gate.state().holds()).isEmpty();
    }

    @Test
    void opsSuspensionAllowsExitsOnlyAndIsLiftedByOps() {
        gate.release(TradingHold.Kind.RECONCILIATION);
        clock.advance(Duration.ofMinutes(3));

        gate.onSuspension(new TradingSuspension(true, List.of("no BTC price for 12 s (Coinbase and Kalshi's index)"),
                clock.instant()));

        TradingState state = gate.state();
        assertThat(state.mode()).isEqualTo(TradingMode.REDUCING);
        assertThat(state.entriesAllowed()).isFalse();
        assertThat(state.exitsAllowed()).isTrue();
        assertThat(state.why()).isEqualTo("suspended by ops: no BTC price for 12 s (Coinbase and Kalshi's index)");
        assertThat(state.holds().getFirst().since()).isEqualTo(T0.plus(Duration.ofMinutes(3)));

        gate.onSuspension(new TradingSuspension(false, List.of(), clock.instant()));
        assertThat(gate.state().mode()).isEqualTo(TradingMode.ACTIVE);
    }

    @Test
    void theKillSwitchIsASeparateHoldThatOpsCannotLift() {
        gate.release(TradingHold.Kind.RECONCILIATION);
        when(killSwitch.engaged()).thenReturn(Optional.of("manual by admin"));
        gate.onSuspension(new TradingSuspension(true, List.of("kalshi_api_watchdog is FAILED"), clock.instant()));

        gate.onSuspension(new TradingSuspension(false, List.of(), clock.instant()));

        TradingState state = gate.state();
        assertThat(state.mode()).isEqualTo(TradingMode.REDUCING);
        assertThat(state.holds()).extracting(TradingHold::kind).containsExactly(TradingHold.Kind.KILL_SWITCH);
        assertThat(state.why()).isEqualTo("kill switch engaged: manual by admin");
    }

    @Test
    void theMostRestrictiveHoldDecidesAndEveryHoldIsListed() {
        when(killSwitch.engaged()).thenReturn(Optional.of("daily loss reached"));
        gate.onSuspension(new TradingSuspension(true, List.of("strike table of ETH is 40 s old"), clock.instant()));

        TradingState state = gate.state();

        assertThat(state.mode()).isEqualTo(TradingMode.HALTED);
        assertThat(state.holds()).extracting(TradingHold::kind).containsExactlyInAnyOrder(
                TradingHold.Kind.KILL_SWITCH, TradingHold.Kind.RECONCILIATION, TradingHold.Kind.SUSPENSION);
    }

    @Test
    void everyChangeIsPublishedOnce() {
        gate.state();
        gate.release(TradingHold.Kind.RECONCILIATION);
        gate.state();
        gate.onSuspension(new TradingSuspension(true, List.of("trade_executor is FAILED"), clock.instant()));

        assertThat(published).hasSize(2).allMatch(e -> e instanceof TradingStateChanged);
        TradingStateChanged last = (TradingStateChanged) published.getLast();
        assertThat(last.previous().mode()).isEqualTo(TradingMode.ACTIVE);
        assertThat(last.state().mode()).isEqualTo(TradingMode.REDUCING);
    }
}
