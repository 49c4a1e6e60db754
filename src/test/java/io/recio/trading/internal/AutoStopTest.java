package io.recio.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.market.Side;
import io.recio.trading.Trade;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AutoStopTest {

    private static final TradeSettings S = TradeSettings.DEFAULTS; // below 40 after 60 s, verify 15 s, spike 0.36
    private static final Instant OPENED = Instant.parse("2026-09-25T19:45:00Z");
    private static final Trade YES = Fixtures.open(1, Side.YES, 1, "0.95", OPENED);
    private static final Trade NO = Fixtures.open(2, Side.NO, 1, "0.05", OPENED);

    @Test
    void aHealthyProbabilityHolds() {
        assertThat(AutoStop.decide(YES, 0.90, 0.0, S, null, OPENED.plusSeconds(300)))
                .isInstanceOf(AutoStop.Decision.Hold.class);
    }

    @Test
    void aProbabilityThatIsNotANumberIsNoReasonToSell() {
        assertThat(AutoStop.decide(YES, Double.NaN, 0.0, S, OPENED.plusSeconds(60), OPENED.plusSeconds(300)))
                .isInstanceOf(AutoStop.Decision.Hold.class);
    }

    @Test
    void nothingStopsBeforeTheMinimumHoldingTime() {
        assertThat(AutoStop.decide(YES, 0.10, 0.0, S, null, OPENED.plusSeconds(59)))
                .isInstanceOf(AutoStop.Decision.Hold.class);
    }

    @Test
    void aLowProbabilityFirstStartsTheVerificationDelay() {
        Instant now = OPENED.plusSeconds(60);
        assertThat(AutoStop.decide(YES, 0.39, 0.0, S, null, now)).isEqualTo(new AutoStop.Decision.Verify(now));
    }

    @Test
    void stillLowAfterTheDelayCloses() {
        Instant seen = OPENED.plusSeconds(60);
        assertThat(AutoStop.decide(YES, 0.39, 0.0, S, seen, seen.plusSeconds(14)))
                .isEqualTo(new AutoStop.Decision.Verify(seen));
        assertThat(AutoStop.decide(YES, 0.39, 0.0, S, seen, seen.plusSeconds(15)))
                .isInstanceOf(AutoStop.Decision.Close.class);
    }

    @Test
    void recoveringDuringTheDelayHolds() {
        Instant seen = OPENED.plusSeconds(60);
        assertThat(AutoStop.decide(YES, 0.41, 0.0, S, seen, seen.plusSeconds(10)))
                .isInstanceOf(AutoStop.Decision.Hold.class);
    }

    @Test
    void withoutVerificationALowProbabilityClosesAtOnce() {
        TradeSettings noDelay = new TradeSettings(false, true, 1, 1, 95, S.minEdge(), 120, 900, 10, 0.36, 0.30, 15,
                S.minVolume(), S.maxAsk(), 40, 60, 0, true, 0.36);
        assertThat(AutoStop.decide(YES, 0.39, 0.0, noDelay, null, OPENED.plusSeconds(60)))
                .isInstanceOf(AutoStop.Decision.Close.class);
    }

    @Test
    void theProbabilityOfTheHeldSideIsWhatCounts() {
        // P(NO) = 0.95 is healthy for a NO trade.
        assertThat(AutoStop.decide(NO, 0.95, 0.0, S, null, OPENED.plusSeconds(300)))
                .isInstanceOf(AutoStop.Decision.Hold.class);
    }

    @Test
    void anUpwardMomentumSpikeClosesNoTradesOnly() {
        Instant now = OPENED.plusSeconds(5);
        assertThat(AutoStop.decide(NO, 0.95, 0.37, S, null, now)).isInstanceOf(AutoStop.Decision.Close.class);
        assertThat(AutoStop.decide(YES, 0.95, 0.37, S, null, now)).isInstanceOf(AutoStop.Decision.Hold.class);
    }

    @Test
    void aDownwardMomentumSpikeClosesYesTradesOnly() {
        Instant now = OPENED.plusSeconds(5);
        assertThat(AutoStop.decide(YES, 0.95, -0.37, S, null, now)).isInstanceOf(AutoStop.Decision.Close.class);
        assertThat(AutoStop.decide(NO, 0.95, -0.37, S, null, now)).isInstanceOf(AutoStop.Decision.Hold.class);
    }

    @Test
    void withoutLiveDataNothingIsStopped() {
        assertThat(AutoStop.decide(YES, null, Double.NaN, S, null, OPENED.plusSeconds(300)))
                .isInstanceOf(AutoStop.Decision.Hold.class);
    }
}
