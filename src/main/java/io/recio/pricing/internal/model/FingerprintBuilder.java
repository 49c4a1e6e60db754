package io.recio.pricing.internal.model;

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

    /** Growable parallel arrays of one raw bucket. */
    private static final class Samples {
        float[] returns = new float[64];
        double[] weights = new double[64];
        int size;

        void add(float r, double w) {
            if (size == returns.length) {
                returns = Arrays.copyOf(returns, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            returns[size] = r;
            weights[size] = w;
            size++;
        }
    }

    /** Builds the table; {@code progress} is told the fraction done (0..1) now and then. */
    public FingerprintTable build(MinuteSeries series, java.util.function.DoubleConsumer progress) {
        int n = series.size();
        int horizons = FingerprintTable.MAX_HORIZON_MINUTES;
        Samples[][] raw = new Samples[horizons][FingerprintTable.BUCKETS];
        for (Samples[] row : raw) {
            for (int b = 0; b < row.length; b++) {
                row[b] = new Samples();
            }
        }
        int newest = n - 1;
        double lnDecay = Math.log(yearlyDecay);
        int step = Math.max(1, n / 100);
        for (int t = 0; t < n; t++) {
            if (t % step == 0) {
                progress.accept(0.8 * t / Math.max(1, n));
            }
            double momentum = series.momentumPercent(t);
            if (Double.isNaN(momentum)) {
                continue;
            }
            double start = series.close(t);
            int b = FingerprintTable.bucket(momentum * 100) - FingerprintTable.MIN_BUCKET;
            double weight = Math.exp(lnDecay * (newest - t) / YEAR_MINUTES);
            for (int h = 1; h <= horizons && t + h < n; h++) {
                double end = series.close(t + h);
                if (!Double.isNaN(end)) {
                    raw[h - 1][b].add((float) ((end - start) / start * 100), weight);
                }
            }
        }
        FingerprintTable.Cell[][] cells = new FingerprintTable.Cell[horizons][FingerprintTable.BUCKETS];
        for (int h = 1; h <= horizons; h++) {
            progress.accept(0.8 + 0.2 * (h - 1) / horizons);
            Samples[] row = raw[h - 1];
            int all = 0;
            for (Samples s : row) {
                all += s.size;
            }
            if (all == 0) {
                continue;
            }
            int enough = Math.min(minSamples, all);
            for (int b = 0; b < FingerprintTable.BUCKETS; b++) {
                int from = b;
                int to = b;
                int count = row[b].size;
                while (count < enough) {
                    if (from > 0) {
                        count += row[--from].size;
                    }
                    if (to < FingerprintTable.BUCKETS - 1) {
                        count += row[++to].size;
                    }
                }
                cells[h - 1][b] = merge(h, b, from, to, row);
            }
        }
        progress.accept(1);
        return new FingerprintTable(cells);
    }

    /** Sorts the pooled samples by return via packed (sortable float bits, index) longs. */
    private static FingerprintTable.Cell merge(int h, int b, int from, int to, Samples[] row) {
        int total = 0;
        for (int i = from; i <= to; i++) {
            total += row[i].size;
        }
        float[] returns = new float[total];
        double[] weights = new double[total];
        int k = 0;
        for (int i = from; i <= to; i++) {
            System.arraycopy(row[i].returns, 0, returns, k, row[i].size);
            System.arraycopy(row[i].weights, 0, weights, k, row[i].size);
            k += row[i].size;
        }
        long[] keys = new long[total];
        for (int i = 0; i < total; i++) {
            int bits = Float.floatToIntBits(returns[i]);
            int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
            keys[i] = ((long) sortable << 32) | (i & 0xffffffffL);
        }
        Arrays.sort(keys);
        float[] sorted = new float[total];
        double[] cumulative = new double[total + 1];
        for (int i = 0; i < total; i++) {
            int index = (int) keys[i];
            sorted[i] = returns[index];
            cumulative[i + 1] = cumulative[i] + weights[index];
        }
        int bucketFrom = from + FingerprintTable.MIN_BUCKET;
        int bucketTo = to + FingerprintTable.MIN_BUCKET;
        return new FingerprintTable.Cell(h, b + FingerprintTable.MIN_BUCKET, bucketFrom, bucketTo, sorted, cumulative);
    }
}
