package io.recio.pricing.internal.model;

import java.nio.FloatBuffer;

/** Hand-made fingerprint cells and tables for the tests. */
final class Cells {

    private Cells() {
    }

    /** A cell of the given sorted returns (%) and their weights. */
    static FingerprintTable.Cell cell(int h, int bucket, double[] returns, double[] weights) {
        float[] r = new float[returns.length];
        float[] cum = new float[returns.length + 1];
        double sum = 0;
        for (int i = 0; i < returns.length; i++) {
            r[i] = (float) returns[i];
            sum += weights[i];
            cum[i + 1] = (float) sum;
        }
        return new FingerprintTable.Cell(h, bucket, bucket, bucket, FloatBuffer.wrap(r), FloatBuffer.wrap(cum));
    }

    /** A table with the same distribution at every horizon and bucket, except where {@code override} says. */
    static FingerprintTable uniform(double[] returns, double[] weights) {
        FingerprintTable.Cell[][] cells =
                new FingerprintTable.Cell[FingerprintTable.MAX_HORIZON_MINUTES][FingerprintTable.BUCKETS];
        for (int h = 1; h <= FingerprintTable.MAX_HORIZON_MINUTES; h++) {
            for (int b = FingerprintTable.MIN_BUCKET; b <= FingerprintTable.MAX_BUCKET; b++) {
                cells[h - 1][b - FingerprintTable.MIN_BUCKET] = cell(h, b, returns, weights);
            }
        }
        return new FingerprintTable(cells);
    }
}
