package io.recio.pricing.internal.model;

import java.nio.FloatBuffer;
import java.time.Duration;
import java.util.Arrays;

/**
 * Builds a {@link FingerprintTable} from one-minute history: for every start minute with a known
 * momentum and every horizon h ≤ 60 with a close h minutes later, the % move goes into the cell
 * (h, momentum bucket) with the start minute's recency weight {@code yearlyDecay^(age in years)}
 * (age against the newest minute). A bucket with fewer than {@code minSamples} moves is pooled with
 * its neighbours, widening symmetrically until it has enough.
 */
public final class FingerprintBuilder {

    private static final double YEAR_MINUTES = Duration.ofDays(365).toMinutes() + 360;

    private final double yearlyDecay;
    private final int minSamples;

    public FingerprintBuilder(double yearlyDecay, int minSamples) {
        if (!(yearlyDecay > 0 && yearlyDecay <= 1)) {
            throw new IllegalArgumentException("yearly decay must be in (0, 1], got " + yearlyDecay);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minimum samples per bucket must be at least 1, got " + minSamples);
        }
        this.yearlyDecay = yearlyDecay;
        this.minSamples = minSamples;
    }

    /**
     * Builds the table; {@code progress} is told the fraction done (0..1) now and then. The start minutes are
     * grouped by momentum bucket once (an int each); each cell then gathers its moves straight from the series,
     * so the build holds one cell's scratch arrays beside the table instead of every move twice over.
     */
    public FingerprintTable build(MinuteSeries series, java.util.function.DoubleConsumer progress) {
        int n = series.size();
        int horizons = FingerprintTable.MAX_HORIZON_MINUTES;
        int buckets = FingerprintTable.BUCKETS;
        int[] bucketOf = new int[n];
        int[] bucketStart = new int[buckets + 1];
        for (int t = 0; t < n; t++) {
            double momentum = series.momentumPercent(t);
            bucketOf[t] = Double.isNaN(momentum) ? -1
                    : FingerprintTable.bucket(momentum * 100) - FingerprintTable.MIN_BUCKET;
            if (bucketOf[t] >= 0) {
                bucketStart[bucketOf[t] + 1]++;
            }
        }
        for (int b = 0; b < buckets; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        // start minutes by bucket, each bucket oldest first
        int[] starts = new int[bucketStart[buckets]];
        int[] fill = Arrays.copyOf(bucketStart, buckets);
        for (int t = 0; t < n; t++) {
            if (bucketOf[t] >= 0) {
                starts[fill[bucketOf[t]]++] = t;
            }
        }
        double lnDecay = Math.log(yearlyDecay);
        double[] weight = new double[n];
        for (int t = 0; t < n; t++) {
            weight[t] = Math.exp(lnDecay * (n - 1 - t) / YEAR_MINUTES);
        }
        Cells gathered = new Cells(series, starts, bucketStart, weight);
        FingerprintTable.Cell[][] cells = new FingerprintTable.Cell[horizons][buckets];
        int[] counts = new int[buckets];
        for (int h = 1; h <= horizons; h++) {
            progress.accept((double) (h - 1) / horizons);
            int all = 0;
            for (int b = 0; b < buckets; b++) {
                counts[b] = gathered.count(h, b);
                all += counts[b];
            }
            if (all == 0) {
                continue;
            }
            int enough = Math.min(minSamples, all);
            for (int b = 0; b < buckets; b++) {
                int from = b;
                int to = b;
                int count = counts[b];
                while (count < enough) {
                    if (from > 0) {
                        count += counts[--from];
                    }
                    if (to < buckets - 1) {
                        count += counts[++to];
                    }
                }
                cells[h - 1][b] = gathered.cell(h, b, from, to, count);
            }
        }
        progress.accept(1);
        return new FingerprintTable(cells);
    }

    /** The moves of the start minutes grouped by bucket, gathered into a cell per horizon. */
    private record Cells(MinuteSeries series, int[] starts, int[] bucketStart, double[] weight) {

        /** The % move from start minute {@code t} over {@code h} minutes; NaN where either close is missing. */
        double move(int t, int h) {
            double start = series.close(t);
            return (series.close(t + h) - start) / start * 100;
        }

        /** How many of bucket {@code b}'s start minutes have a close {@code h} minutes later. */
        int count(int h, int b) {
            int count = 0;
            for (int i = bucketStart[b]; i < bucketStart[b + 1]; i++) {
                if (!Double.isNaN(move(starts[i], h))) {
                    count++;
                }
            }
            return count;
        }

        /**
         * The cell of buckets {@code from..to} (indices) at horizon {@code h}: its moves sorted via packed
         * (sortable float bits, start minute) longs, and their prefix weights summed in that order.
         */
        FingerprintTable.Cell cell(int h, int b, int from, int to, int total) {
            long[] keys = new long[total];
            int k = 0;
            for (int i = bucketStart[from]; i < bucketStart[to + 1]; i++) {
                int t = starts[i];
                double move = move(t, h);
                if (!Double.isNaN(move)) {
                    int bits = Float.floatToIntBits((float) move);
                    int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
                    keys[k++] = ((long) sortable << 32) | t;
                }
            }
            Arrays.sort(keys);
            float[] sorted = new float[total];
            float[] cumulative = new float[total + 1];
            double sum = 0;
            for (int i = 0; i < total; i++) {
                int t = (int) keys[i];
                sorted[i] = (float) move(t, h);
                sum += weight[t];
                cumulative[i + 1] = (float) sum;
            }
            return new FingerprintTable.Cell(h, b + FingerprintTable.MIN_BUCKET, from + FingerprintTable.MIN_BUCKET,
                    to + FingerprintTable.MIN_BUCKET, FloatBuffer.wrap(sorted), FloatBuffer.wrap(cumulative));
        }
    }
}
