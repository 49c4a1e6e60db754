package io.recio.kalshi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.kalshi.client.CallStats;
import io.recio.ops.TradingImpact;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** kalshi_api_watchdog's judgement of the venue: what is trouble, what suspends entries, what comes first. */
class VenueHealthTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final KalshiProperties.Health LIMITS = new KalshiProperties.Health(Duration.ofSeconds(30), 5, 0.2,
            0.5, Duration.ofSeconds(2), Duration.ofSeconds(5));

    /** Calls that each took {@code took}; the first {@code failed} of them got no answer. */
    private static CallStats.Summary calls(int n, int failed, Duration took) {
        CallStats stats = new CallStats(Duration.ofSeconds(30));
        for (int i = 0; i < n; i++) {
            long id = stats.begin(T0);
            stats.end(id, T0.plus(took), i < failed);
        }
        return stats.summary(T0.plus(took));
    }

    private static VenueHealth.Problem judge(boolean socket, Boolean tradingOn, CallStats.Summary calls) {
        return VenueHealth.judge(new VenueHealth.Inputs(socket, tradingOn, true, calls), LIMITS).orElse(null);
    }

    @Test
    void aHealthyVenueHasNoProblem() {
        assertThat(judge(true, true, calls(20, 1, Duration.ofMillis(80)))).isNull();
    }

    @Test
    void halfTheCallsFailingSuspendsEntries() {
        VenueHealth.Problem p = judge(true, true, calls(20, 10, Duration.ofMillis(80)));

        assertThat(p.impact()).isEqualTo(TradingImpact.SUSPEND_ENTRIES);
        assertThat(p.reason()).isEqualTo("50% of 20 Kalshi REST calls in the last 30 s got no answer");
    }

    @Test
    void aFifthOfTheCallsFailingIsOnlyDegraded() {
        assertThat(judge(true, true, calls(20, 4, Duration.ofMillis(80))).impact()).isEqualTo(TradingImpact.NONE);
    }

    @Test
    void twoFailuresAmongThreeCallsSayNothingYet() {
        assertThat(judge(true, true, calls(3, 2, Duration.ofMillis(80)))).isNull();
    }

    @Test
    void fifteenSecondCallsSuspendEntriesTwoAndAHalfOnlyDegrade() {
        assertThat(judge(true, true, calls(4, 0, Duration.ofSeconds(15))))
                .isEqualTo(new VenueHealth.Problem("Kalshi REST calls are slow: 90% answered within 15.0 s",
                        TradingImpact.SUSPEND_ENTRIES));
        assertThat(judge(true, true, calls(4, 0, Duration.ofMillis(2500))).impact()).isEqualTo(TradingImpact.NONE);
    }

    @Test
    void aCallStillWaitingCountsWithItsWaitSoFar() {
        CallStats stats = new CallStats(Duration.ofSeconds(30));
        stats.begin(T0);

        VenueHealth.Problem p = judge(true, true, stats.summary(T0.plusSeconds(6)));

        assertThat(p.impact()).isEqualTo(TradingImpact.SUSPEND_ENTRIES);
        assertThat(p.reason()).contains("1 waiting, the oldest for 6.0 s");
    }

    @Test
    void theExchangesTradingPauseComesFirstAndSuspendsEntries() {
        assertThat(judge(false, false, calls(20, 10, Duration.ofMillis(80))))
                .isEqualTo(new VenueHealth.Problem("Kalshi trading is paused (exchange status)",
                        TradingImpact.SUSPEND_ENTRIES));
    }

    @Test
    void aDroppedSocketIsDegradedWithoutSuspending() {
        assertThat(judge(false, true, calls(20, 0, Duration.ofMillis(80))))
                .isEqualTo(new VenueHealth.Problem("Kalshi WebSocket down; books from REST snapshots",
                        TradingImpact.NONE));
    }

    @Test
    void callsOlderThanTheWindowNoLongerCount() {
        CallStats stats = new CallStats(Duration.ofSeconds(30));
        for (int i = 0; i < 10; i++) {
            stats.end(stats.begin(T0), T0.plusMillis(50), true);
        }

        assertThat(stats.summary(T0.plusSeconds(31)).calls()).isZero();
    }
}
