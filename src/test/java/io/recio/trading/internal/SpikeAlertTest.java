package io.recio.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpikeAlertTest {

    private static final TradeSettings S = TradeSettings.DEFAULTS; // spike 0.36, recovery 0.30, 15 min
    private static final Instant T0 = Instant.parse("2026-09-25T19:00:00Z");

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void momentumBelowTheThresholdRaisesNothing() {
        assertThat(SpikeAlert.CLEAR.next(0.35, T0, S).alert()).isFalse();
        assertThat(SpikeAlert.CLEAR.next(-0.35, T0, S).alert()).isFalse();
    }

    @Test
    void momentumAtTheThresholdEitherWayRaisesTheAlert() {
        assertThat(SpikeAlert.CLEAR.next(0.36, T0, S)).isEqualTo(new SpikeAlert(true, T0, null));
        assertThat(SpikeAlert.CLEAR.next(-0.40, T0, S).alert()).isTrue();
    }

    @Test
    void theAlertHoldsWhileMomentumStaysAboveRecovery() {
        SpikeAlert s = SpikeAlert.CLEAR.next(0.40, at(0), S).next(0.31, at(600), S).next(0.32, at(1800), S);
        assertThat(s.alert()).isTrue();
        assertThat(s.calmSince()).isNull();
    }

    @Test
    void theAlertClearsOnlyAfterTheWholeCalmPeriod() {
        SpikeAlert s = SpikeAlert.CLEAR.next(0.40, at(0), S).next(0.10, at(60), S);
        assertThat(s.calmSince()).isEqualTo(at(60));
        assertThat(s.next(0.10, at(60 + 899), S).alert()).isTrue();
        assertThat(s.next(0.10, at(60 + 900), S)).isEqualTo(SpikeAlert.CLEAR);
    }

    @Test
    void aReadingAboveRecoveryRestartsTheCalmPeriod() {
        SpikeAlert s = SpikeAlert.CLEAR.next(0.40, at(0), S).next(0.10, at(60), S)
                .next(0.31, at(600), S).next(0.10, at(601), S);
        assertThat(s.calmSince()).isEqualTo(at(601));
        assertThat(s.next(0.0, at(60 + 900), S).alert()).isTrue();
        assertThat(s.next(0.0, at(601 + 900), S).alert()).isFalse();
    }

    @Test
    void aNewSpikeDuringCalmKeepsTheFirstSpikeTimeAndResetsCalm() {
        SpikeAlert s = SpikeAlert.CLEAR.next(0.40, at(0), S).next(0.10, at(60), S).next(-0.50, at(120), S);
        assertThat(s).isEqualTo(new SpikeAlert(true, at(0), null));
    }

    @Test
    void theStateIsKeptAcrossChecksUnlikeRecioV2() {
        SpikeAlert s = SpikeAlert.CLEAR.next(0.40, at(0), S);
        for (int i = 1; i <= 10; i++) {
            s = s.next(0.20, at(i), S);
        }
        assertThat(s.alert()).isTrue();
        assertThat(Duration.between(s.calmSince(), at(10)).toSeconds()).isEqualTo(9);
    }

    @Test
    void missingMomentumChangesNothing() {
        SpikeAlert s = SpikeAlert.CLEAR.next(0.40, at(0), S);
        assertThat(s.next(Double.NaN, at(5000), S)).isEqualTo(s);
    }
}
