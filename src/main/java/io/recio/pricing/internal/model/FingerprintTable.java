package io.recio.pricing.internal.model;

import java.util.Arrays;

/**
 * The empirical fingerprint of one symbol: for every horizon of 1 to 60 minutes and every momentum
 * bucket −30…+30 bp, the recency-weighted distribution of % moves, as sorted returns with prefix
 * weights so that any tail is one binary search away (no grid, no interpolation across prices).
 */
public final class FingerprintTable {

    public static final int MAX_HORIZON_MINUTES = 60;
    public static final int MIN_BUCKET = -30;
    public static final int MAX_BUCKET = 30;
    public static final int BUCKETS = MAX_BUCKET - MIN_BUCKET + 1;

    /**
     * One (horizon, bucket) distribution; when the bucket alone was too sparse it holds the pooled samples
     * of buckets {@code pooledFrom..pooledTo}.
     *
     * <p>The prefix weights are summed in double and stored as floats: a float's rounding (2<sup>−24</sup> of
     * the total at most) moves a tail probability by under 10<sup>−7</sup>, while the tables take two thirds of
     * the memory (they are most of recio's heap).
     *
     * @param returnsPercent    % moves, ascending
     * @param cumulativeWeights prefix sums: entry i is the weight of the first i returns (length n + 1)
     */
    public record Cell(int horizonMinutes, int bucket, int pooledFrom, int pooledTo, float[] returnsPercent,
                       float[] cumulativeWeights) {

        public Cell {
            if (cumulativeWeights.length != returnsPercent.length + 1) {
                throw new IllegalArgumentException("a cell needs one prefix weight more than returns");
            }
        }

        public int samples() {
            return returnsPercent.length;
        }

        public double totalWeight() {
            return cumulativeWeights[returnsPercent.length];
        }

        /**
         * P(move &gt; {@code movePercent}): the weight of the returns strictly above it. For a strike above
         * spot (move &gt; 0) that is the up-move tail itself; for a strike below spot (move &lt; 0) it is one
         * minus the down-move tail (the weight at or below the move).
         */
        public double above(double movePercent) {
            double total = totalWeight();
            if (total <= 0) {
                return Double.NaN;
            }
            int atOrBelow = upperBound(returnsPercent, movePercent);
            double downTail = cumulativeWeights[atOrBelow];
            return (total - downTail) / total;
        }

        /** Number of returns ≤ x (index of the first return &gt; x). */
        private static int upperBound(float[] sorted, double x) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cell c && c.horizonMinutes == horizonMinutes && c.bucket == bucket
                    && c.pooledFrom == pooledFrom && c.pooledTo == pooledTo
                    && Arrays.equals(c.returnsPercent, returnsPercent)
                    && Arrays.equals(c.cumulativeWeights, cumulativeWeights);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * horizonMinutes + bucket) + Arrays.hashCode(returnsPercent);
        }

        @Override
        public String toString() {
            return "Cell[h=" + horizonMinutes + ", bucket=" + bucket + ", pooled=" + pooledFrom + ".." + pooledTo
                    + ", samples=" + samples() + "]";
        }
    }

    private final Cell[][] cells;

    /** @param cells indexed [horizon − 1][bucket − MIN_BUCKET]; null where history has no sample */
    public FingerprintTable(Cell[][] cells) {
        if (cells.length != MAX_HORIZON_MINUTES) {
            throw new IllegalArgumentException("a fingerprint needs " + MAX_HORIZON_MINUTES + " horizons");
        }
        for (Cell[] row : cells) {
            if (row.length != BUCKETS) {
                throw new IllegalArgumentException("a fingerprint needs " + BUCKETS + " momentum buckets per horizon");
            }
        }
        this.cells = cells;
    }

    /** The bucket of a momentum in basis points: rounded to a whole bp, clamped to ±30; NaN counts as 0. */
    public static int bucket(double momentumBp) {
        if (Double.isNaN(momentumBp)) {
            return 0;
        }
        long b = Math.round(momentumBp);
        return (int) Math.max(MIN_BUCKET, Math.min(MAX_BUCKET, b));
    }

    public Cell cell(int horizonMinutes, int bucket) {
        return cells[horizonMinutes - 1][bucket - MIN_BUCKET];
    }

    /** True when every horizon has a distribution for every bucket (pooling fills sparse ones). */
    public boolean complete() {
        for (Cell[] row : cells) {
            for (Cell c : row) {
                if (c == null || c.samples() == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every cell, horizon-major, for storage. */
    public java.util.List<Cell> cells() {
        java.util.List<Cell> all = new java.util.ArrayList<>();
        for (Cell[] row : cells) {
            for (Cell c : row) {
                if (c != null) {
                    all.add(c);
                }
            }
        }
        return all;
    }

    /** Samples of the unpooled bucket cells of horizon 1 (how much history went in). */
    public long samplesAtOneMinute() {
        long n = 0;
        for (Cell c : cells[0]) {
            if (c != null && c.pooledFrom == c.pooledTo) {
                n += c.samples();
            }
        }
        return n;
    }

    /**
     * P(move over {@code horizonSeconds} &gt; {@code movePercent}) in the given bucket: exact at each whole
     * minute, linear in time between two whole minutes; below one minute and beyond sixty the nearest
     * distribution is rescaled by the square root of time (a random walk's spread).
     */
    public double above(int bucket, double movePercent, double horizonSeconds) {
        double minutes = horizonSeconds / 60;
        if (minutes <= 1) {
            double scale = Math.sqrt(Math.max(minutes, 1e-9));
            return cell(1, bucket).above(movePercent / scale);
        }
        if (minutes >= MAX_HORIZON_MINUTES) {
            double scale = Math.sqrt(minutes / MAX_HORIZON_MINUTES);
            return cell(MAX_HORIZON_MINUTES, bucket).above(movePercent / scale);
        }
        int lo = (int) Math.floor(minutes);
        double f = minutes - lo;
        double pLo = cell(lo, bucket).above(movePercent);
        if (f == 0) {
            return pLo;
        }
        return (1 - f) * pLo + f * cell(lo + 1, bucket).above(movePercent);
    }
}
