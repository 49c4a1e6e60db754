package io.recio.pricing.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FingerprintBuilderTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void aMoveIsFiledUnderTheMomentumOfItsStartMinute() {
        // 100 → 101 → 100: at minute 1 the momentum is the 1-minute delta, +1 % = 100 bp (bucket +30);
        // the one-minute move from there is (100 − 101)/101 = −0.990099 %.
        MinuteSeries s = MinuteSeries.builder().add(T0, 100, 100).add(T0.plusSeconds(60), 101, 101)
                .add(T0.plusSeconds(120), 100, 100).build();
        FingerprintTable t = new FingerprintBuilder(0.5, 1).build(s, p -> { });
        FingerprintTable.Cell cell = t.cell(1, 30);
        assertThat(cell.samples()).isEqualTo(1);
        assertThat(cell.pooledFrom()).isEqualTo(30);
        assertThat(cell.returnsPercent().get(0)).isCloseTo(-0.990099f, within(1e-5f));
    }

    @Test
    void aSparseBucketIsPooledWithItsNeighboursUntilItHasEnough() {
        MinuteSeries s = MinuteSeries.builder().add(T0, 100, 100).add(T0.plusSeconds(60), 101, 101)
                .add(T0.plusSeconds(120), 100, 100).build();
        FingerprintTable t = new FingerprintBuilder(0.5, 1).build(s, p -> { });
        FingerprintTable.Cell empty = t.cell(1, 0);
        assertThat(empty.pooledFrom()).isEqualTo(-30);
        assertThat(empty.pooledTo()).isEqualTo(30);
        assertThat(empty.samples()).isEqualTo(1);
        assertThat(t.complete()).as("horizons 2..60 have no move in three minutes").isFalse();
    }

    @Test
    void aMoveOneYearOlderWeighsTheYearlyDecay() {
        // Two identical-momentum (+1 %) starts a year apart: the old one moves +0.990 %, the new one +1.980 %.
        long year = 525_960;
        Instant newEra = T0.plusSeconds(60 * (year - 1));
        MinuteSeries s = MinuteSeries.builder()
                .add(T0, 100, 100).add(T0.plusSeconds(60), 101, 101).add(T0.plusSeconds(120), 102, 102)
                .add(newEra, 100, 100).add(newEra.plusSeconds(60), 101, 101).add(newEra.plusSeconds(120), 103, 103)
                .build();
        FingerprintTable t = new FingerprintBuilder(0.5, 1).build(s, p -> { });
        FingerprintTable.Cell cell = t.cell(1, 30);
        assertThat(cell.samples()).isEqualTo(2);
        // P(move > 1.5 %) = new weight / (old + new) = 1 / (1 + 0.5).
        assertThat(cell.above(1.5)).isCloseTo(2 / 3.0, within(1e-5));
    }

    @Test
    void momentumRenormalisesTheWeightsOverTheDeltasThatExist() {
        MinuteSeries s = MinuteSeries.builder().add(T0, 100, 100).add(T0.plusSeconds(60), 101, 101)
                .add(T0.plusSeconds(120), 100, 100).build();
        // At minute 2: Δ1 = −0.990099 %, Δ2 = 0 %; (0.30·Δ1 + 0.25·0) / 0.55.
        assertThat(s.momentumPercent(2)).isCloseTo(0.30 * -0.990099 / 0.55, within(1e-6));
        assertThat(s.momentumPercent(0)).isNaN();
    }

    @Test
    void everyTailMatchesTheExactDoublePrecisionSumOfItsMovesWeightsWithinOneInAMillion() {
        // A random walk of 5 000 minutes with holes; the table's float moves and float prefix weights
        // against the weights summed in double over the same moves, at every horizon and bucket.
        SplittableRandom random = new SplittableRandom(7);
        MinuteSeries.Builder b = MinuteSeries.builder();
        double price = 60_000;
        for (int m = 0; m < 5_000; m++) {
            price *= 1 + random.nextGaussian() * 0.001;
            if (random.nextInt(50) != 0) {
                b.add(T0.plusSeconds(60L * m), price, price);
            }
        }
        MinuteSeries s = b.build();
        double decay = 0.5;
        FingerprintTable t = new FingerprintBuilder(decay, 40).build(s, p -> { });
        int n = s.size();
        double worst = 0;
        for (int h = 1; h <= FingerprintTable.MAX_HORIZON_MINUTES; h += 7) {
            for (int bucket = FingerprintTable.MIN_BUCKET; bucket <= FingerprintTable.MAX_BUCKET; bucket += 3) {
                FingerprintTable.Cell cell = t.cell(h, bucket);
                for (double move : new double[] {-0.5, -0.1, -0.02, 0, 0.01, 0.05, 0.3}) {
                    double above = 0;
                    double total = 0;
                    for (int start = 0; start + h < n; start++) {
                        double momentum = s.momentumPercent(start);
                        int bk = FingerprintTable.bucket(momentum * 100);
                        double r = (s.close(start + h) - s.close(start)) / s.close(start) * 100;
                        if (Double.isNaN(momentum) || Double.isNaN(r) || bk < cell.pooledFrom() || bk > cell.pooledTo()) {
                            continue;
                        }
                        double w = Math.pow(decay, (n - 1 - start) / 525_960.0);
                        total += w;
                        above += (float) r > move ? w : 0;
                    }
                    worst = Math.max(worst, Math.abs(cell.above(move) - above / total));
                }
            }
        }
        assertThat(worst).isLessThan(1e-6);
    }
}
