package io.recio.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The derived values of the price log on hand-computed series. */
class PriceWindowTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long DOLLAR = 10_000;

    /** Logs a price rising by one dollar per second from $100,000 for {@code seconds} seconds. */
    private static PriceWindow.Derived rampFor(PriceWindow window, int seconds) {
        PriceWindow.Derived last = null;
        for (int i = 0; i < seconds; i++) {
            last = window.log(T0.plusSeconds(i), (100_000 + i) * DOLLAR);
        }
        return last;
    }

    @Test
    void theFirstSecondHasNoDeltasAndNoMomentum() {
        PriceWindow.Derived d = new PriceWindow().log(T0, 100_000 * DOLLAR);
        assertThat(d.deltasPercent()).isEmpty();
        assertThat(d.momentum()).isNaN();
        assertThat(d.average60sUnits()).isEqualTo(100_000 * DOLLAR);
    }

    @Test
    void deltasCompareWithThePriceExactlyNMinutesAgo() {
        // 31 minutes of a $1/s ramp: at t = 1860 s the price is 101,860; N minutes ago it was 101,860 − 60N.
        PriceWindow.Derived d = rampFor(new PriceWindow(), 1861);
        assertThat(d.deltasPercent()).containsOnlyKeys(1, 2, 3, 4, 15, 30);
        assertThat(d.deltasPercent().get(1)).isCloseTo(60 * 100.0 / 101_800, within(1e-12));
        assertThat(d.deltasPercent().get(2)).isCloseTo(120 * 100.0 / 101_740, within(1e-12));
        assertThat(d.deltasPercent().get(3)).isCloseTo(180 * 100.0 / 101_680, within(1e-12));
        assertThat(d.deltasPercent().get(4)).isCloseTo(240 * 100.0 / 101_620, within(1e-12));
        assertThat(d.deltasPercent().get(15)).isCloseTo(900 * 100.0 / 100_960, within(1e-12));
        assertThat(d.deltasPercent().get(30)).isCloseTo(1800 * 100.0 / 100_060, within(1e-12));
    }

    @Test
    void momentumIsTheWeightedAverageOfAllSixDeltas() {
        PriceWindow.Derived d = rampFor(new PriceWindow(), 1861);
        double expected = 0.30 * (60 * 100.0 / 101_800) + 0.25 * (120 * 100.0 / 101_740)
                + 0.20 * (180 * 100.0 / 101_680) + 0.15 * (240 * 100.0 / 101_620)
                + 0.05 * (900 * 100.0 / 100_960) + 0.05 * (1800 * 100.0 / 100_060);
        assertThat(d.momentum()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void momentumRenormalisesOverTheDeltasPresent() {
        // After 2.5 minutes only the 1- and 2-minute deltas exist: weights 0.30 and 0.25 over 0.55.
        PriceWindow.Derived d = rampFor(new PriceWindow(), 151);
        assertThat(d.deltasPercent()).containsOnlyKeys(1, 2);
        double d1 = 60 * 100.0 / 100_090;
        double d2 = 120 * 100.0 / 100_030;
        assertThat(d.momentum()).isCloseTo((0.30 * d1 + 0.25 * d2) / 0.55, within(1e-12));
    }

    @Test
    void aGapUsesTheLastLoggedPriceAtOrBeforeTheHorizon() {
        PriceWindow window = new PriceWindow();
        window.log(T0, 100_000 * DOLLAR);
        window.log(T0.plusSeconds(10), 100_500 * DOLLAR);
        // Nothing logged from 11 s to 69 s; at 70 s the 1-minute reference (t = 10 s) is $100,500.
        PriceWindow.Derived d = window.log(T0.plusSeconds(70), 101_505 * DOLLAR);
        assertThat(d.deltasPercent().get(1)).isCloseTo(1005 * 100.0 / 100_500, within(1e-12));
        // At 65 s the reference would be t = 5 s, which is not logged: the last at or before it is t = 0.
        PriceWindow other = new PriceWindow();
        other.log(T0, 100_000 * DOLLAR);
        other.log(T0.plusSeconds(10), 100_500 * DOLLAR);
        assertThat(other.log(T0.plusSeconds(65), 101_000 * DOLLAR).deltasPercent().get(1))
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theTrailingAverageCoversTheLast60SecondsAndSkipsGaps() {
        PriceWindow window = new PriceWindow();
        window.log(T0, 1 * DOLLAR);
        window.log(T0.plusSeconds(30), 2 * DOLLAR);
        window.log(T0.plusSeconds(59), 4 * DOLLAR);
        // At 60 s the window (0 s, 60 s] holds 30, 59 and 60 s: (2 + 4 + 4) / 3 = $3.33333... → $3.3333.
        assertThat(window.log(T0.plusSeconds(60), 4 * DOLLAR).average60sUnits()).isEqualTo(33_333);
    }

    @Test
    void theOneMinuteAverageRunsOverTheCurrentMinuteOnly() {
        PriceWindow window = new PriceWindow();
        window.log(T0.plusSeconds(58), 10 * DOLLAR);
        window.log(T0.plusSeconds(59), 20 * DOLLAR);
        PriceWindow.Derived d = window.log(T0.plusSeconds(61), 30 * DOLLAR);
        assertThat(d.average1mUnits()).isEqualTo(30 * DOLLAR);
        assertThat(d.average60sUnits()).isEqualTo(20 * DOLLAR);
    }

    @Test
    void aSecondThatIsNotNewerIsRefused() {
        PriceWindow window = new PriceWindow();
        window.log(T0, DOLLAR);
        assertThatThrownBy(() -> window.log(T0, DOLLAR)).hasMessageContaining("not after");
    }

    @Test
    void aPriceThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new PriceWindow().log(T0, 0)).hasMessageContaining("positive");
    }
}
