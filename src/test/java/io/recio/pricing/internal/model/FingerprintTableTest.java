package io.recio.pricing.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-worked tails. The cell holds moves −2, −1, 0, +1, +2 % with weights 1, 2, 3, 2, 2 (total 10):
 * the down tail and the up tail have different weights, so using the wrong one shows.
 */
class FingerprintTableTest {

    private final FingerprintTable.Cell cell = Cells.cell(1, 0, new double[] {-2, -1, 0, 1, 2},
            new double[] {1, 2, 3, 2, 2});

    @Test
    void aStrikeAboveSpotIsPricedFromTheUpMoveTail() {
        // Settling above +1.5 % needs the +2 % move: weight 2 of 10.
        assertThat(cell.above(1.5)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void aStrikeBelowSpotIsOneMinusTheDownMoveTail() {
        // Settling above −1.5 % fails only on the −2 % move: 1 − 1/10.
        assertThat(cell.above(-1.5)).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void aMoveExactlyOnAReturnCountsThatReturnAsNotAbove() {
        assertThat(cell.above(1.0)).isCloseTo(0.2, within(1e-12));
        assertThat(cell.above(-1.0)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void beyondEveryReturnTheTailsAreZeroAndOne() {
        assertThat(cell.above(5)).isZero();
        assertThat(cell.above(-5)).isEqualTo(1.0);
    }

    @Test
    void momentumIsBucketedByWholeBasisPointsAndClampedAtThirty() {
        assertThat(FingerprintTable.bucket(4.4)).isEqualTo(4);
        assertThat(FingerprintTable.bucket(-4.6)).isEqualTo(-5);
        assertThat(FingerprintTable.bucket(75)).isEqualTo(30);
        assertThat(FingerprintTable.bucket(-75)).isEqualTo(-30);
        assertThat(FingerprintTable.bucket(Double.NaN)).isZero();
    }

    @Test
    void betweenTwoWholeMinutesTheProbabilityIsLinearInTime() {
        FingerprintTable.Cell[][] cells =
                new FingerprintTable.Cell[FingerprintTable.MAX_HORIZON_MINUTES][FingerprintTable.BUCKETS];
        for (int h = 1; h <= 60; h++) {
            // Horizon h minutes: moves of −h/10 % and +h/10 %, equally weighted.
            for (int b = -30; b <= 30; b++) {
                cells[h - 1][b + 30] = Cells.cell(h, b, new double[] {-h / 10.0, h / 10.0}, new double[] {1, 1});
            }
        }
        FingerprintTable table = new FingerprintTable(cells);
        // A +3.05 % move: at 30 min (±3.0 %) P = 0; at 31 min (±3.1 %) P = 0.5; 30.5 min is halfway.
        assertThat(table.above(0, 3.05, 30.5 * 60)).isCloseTo(0.25, within(1e-12));
        assertThat(table.above(0, 3.05, 30 * 60)).isZero();
        assertThat(table.above(0, 3.05, 31 * 60)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void belowOneMinuteTheOneMinuteMovesShrinkWithTheSquareRootOfTime() {
        FingerprintTable table = Cells.uniform(new double[] {-2, -1, 0, 1, 2}, new double[] {1, 2, 3, 2, 2});
        // 15 s = a quarter minute: moves halve, so +0.75 % needs a one-minute move above +1.5 %.
        assertThat(table.above(0, 0.75, 15)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void aMappedTableAnswersAsItsHeapCopyAndLeavesNoFileBehind(@TempDir Path dir) throws IOException {
        FingerprintTable heap = Cells.uniform(new double[] {-2, -1, 0, 1, 2}, new double[] {1, 2, 3, 2, 2});
        FingerprintTable mapped = heap.mapped(dir.resolve("models"));
        assertThat(mapped.cells()).isEqualTo(heap.cells());
        for (double move : new double[] {-2.5, -1, -0.5, 0, 1.5, 3}) {
            assertThat(mapped.above(4, move, 17 * 60 + 20)).isEqualTo(heap.above(4, move, 17 * 60 + 20));
        }
        try (var files = Files.list(dir.resolve("models"))) {
            assertThat(files).isEmpty();
        }
    }
}
