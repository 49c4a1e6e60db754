package io.recio.pricing.internal.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

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
    public record Cell(int horizonMinutes, int bucket, int pooledFrom, int pooledTo, FloatBuffer returnsPercent,
                       FloatBuffer cumulativeWeights) {

        public Cell {
            if (cumulativeWeights.limit() != returnsPercent.limit() + 1) {
                throw new IllegalArgumentException("a cell needs one prefix weight more than returns");
            }
        }

        public int samples() {
            return returnsPercent.limit();
        }

        public double totalWeight() {
            return cumulativeWeights.get(samples());
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
            double downTail = cumulativeWeights.get(atOrBelow);
            return (total - downTail) / total;
        }

        /** Number of returns ≤ x (index of the first return &gt; x). */
        private static int upperBound(FloatBuffer sorted, double x) {
            int lo = 0;
            int hi = sorted.limit();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted.get(mid) <= x) {
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
                    && c.returnsPercent.equals(returnsPercent) && c.cumulativeWeights.equals(cumulativeWeights);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * horizonMinutes + bucket) + returnsPercent.hashCode();
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
    public List<Cell> cells() {
        List<Cell> all = new ArrayList<>();
        for (Cell[] row : cells) {
            for (Cell c : row) {
                if (c != null) {
                    all.add(c);
                }
            }
        }
        return all;
    }

    /**
     * This table with its floats in a memory-mapped file under {@code directory} instead of the Java heap: the
     * tables are most of recio's heap, while pricing reads a few pages of each (a binary search touches about
     * fifteen entries), so only those pages become resident and the kernel may drop them again. The file is
     * written through the channel (the page cache, not this process), mapped read-only one horizon at a time
     * and deleted at once: the mappings keep its content until the table is collected.
     */
    public FingerprintTable mapped(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "fingerprint-", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer chunk = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
            Cell[][] copy = new Cell[MAX_HORIZON_MINUTES][BUCKETS];
            long offset = 0;
            for (int h = 0; h < MAX_HORIZON_MINUTES; h++) {
                long start = offset;
                for (Cell c : cells[h]) {
                    if (c != null) {
                        offset = write(channel, chunk, offset, c.returnsPercent);
                        offset = write(channel, chunk, offset, c.cumulativeWeights);
                    }
                }
                if (offset == start) {
                    continue;
                }
                ByteBuffer horizon = channel.map(FileChannel.MapMode.READ_ONLY, start, offset - start);
                int at = 0;
                for (int b = 0; b < BUCKETS; b++) {
                    Cell c = cells[h][b];
                    if (c != null) {
                        int n = c.samples();
                        FloatBuffer returns = view(horizon, at, n);
                        FloatBuffer weights = view(horizon, at + n * Float.BYTES, n + 1);
                        at += (2 * n + 1) * Float.BYTES;
                        copy[h][b] = new Cell(c.horizonMinutes, c.bucket, c.pooledFrom, c.pooledTo, returns, weights);
                    }
                }
            }
            return new FingerprintTable(copy);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long write(FileChannel channel, ByteBuffer chunk, long offset, FloatBuffer values)
            throws IOException {
        FloatBuffer source = values.duplicate().clear();
        long at = offset;
        while (source.hasRemaining()) {
            chunk.clear();
            FloatBuffer target = chunk.asFloatBuffer();
            int n = Math.min(target.remaining(), source.remaining());
            target.put(source.slice(source.position(), n));
            source.position(source.position() + n);
            chunk.limit(n * Float.BYTES);
            while (chunk.hasRemaining()) {
                at += channel.write(chunk, at);
            }
        }
        return at;
    }

    private static FloatBuffer view(ByteBuffer mapped, int at, int floats) {
        return mapped.slice(at, floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
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
