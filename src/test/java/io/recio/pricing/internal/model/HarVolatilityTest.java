package io.recio.pricing.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** HAR volatility: weights fitted on the build history, forecasts from trailing realised variances. */
class HarVolatilityTest {

    private static MinuteSeries randomWalk(int minutes, double sigma, long seed) {
        Random random = new Random(seed);
        MinuteSeries.Builder b = MinuteSeries.builder();
        double price = 100;
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < minutes; i++) {
            double next = price * Math.exp(sigma * random.nextGaussian());
            b.add(t.plusSeconds(60L * i), price, next);
            price = next;
        }
        return b.build();
    }

    @Test
    void onAConstantVolatilityWalkTheForecastIsThatVarianceAndTheWeightsAreNonNegative() {
        MinuteSeries s = randomWalk(6 * 1440, 0.001, 7);
        HarVolatility har = HarVolatility.fit(s, 4 * 1440);
        assertThat(har).isNotNull();
        assertThat(Arrays.stream(har.weights()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(Arrays.stream(har.weights()).sum()).isCloseTo(1, offset(0.1));
        double[] forecast = har.variancePerMinute(s);
        double mean = Arrays.stream(forecast, 5 * 1440, 6 * 1440).average().orElseThrow();
        assertThat(mean).isCloseTo(1e-6, offset(0.1e-6));
    }

    @Test
    void lessThanTwoDaysOfHistoryCannotBeFitted() {
        assertThat(HarVolatility.fit(randomWalk(2 * 1440, 0.001, 1), 2 * 1440)).isNull();
    }

    @Test
    void theTrailingWindowsNeedHalfTheirMinutes() {
        double[][] trailing = HarVolatility.trailing(randomWalk(100, 0.001, 3));
        assertThat(trailing[0][13]).isNaN();
        assertThat(trailing[0][14]).isPositive();
        assertThat(trailing[1][58]).isNaN();
        assertThat(trailing[1][59]).isPositive();
    }

    @Test
    void aFeedGapEmptyingTheShortWindowLeavesTheWeightsFinite() {
        MinuteSeries walk = randomWalk(5 * 1440, 0.001, 11);
        MinuteSeries.Builder gappy = MinuteSeries.builder();
        for (int i = 0; i < walk.size(); i++) {
            if (i < 3 * 1440 || i >= 3 * 1440 + 12) {
                gappy.add(walk.minute(i), walk.open(i), walk.close(i));
            }
        }
        HarVolatility har = HarVolatility.fit(gappy.build(), 5 * 1440);
        assertThat(Arrays.stream(har.weights()).allMatch(Double::isFinite)).isTrue();
    }
}
