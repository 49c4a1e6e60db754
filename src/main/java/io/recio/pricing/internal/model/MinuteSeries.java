package io.recio.pricing.internal.model;

import io.recio.feeds.Candle;
import io.recio.feeds.HistoryFile;
import java.io.IOException;
import java.nio.file.Path;
import io.recio.feeds.PriceTick;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * One-minute closes on a gap-aware grid: index i is the minute starting at {@code start + i min};
 * a missing minute is NaN, so a return or delta never spans a hole silently.
 */
public final class MinuteSeries {

    private final Instant start;
    private final double[] open;
    private final double[] close;

    private MinuteSeries(Instant start, double[] open, double[] close) {
        this.start = start;
        this.open = open;
        this.close = close;
    }

    /** Reads a one-minute history file with the feeds module's one reader ({@link HistoryFile}); other bar lengths are refused. */
    public static MinuteSeries read(Path file, HistoryFile.Mode mode) throws IOException {
        Builder builder = builder();
        HistoryFile.read(file, mode, 60, bar -> builder.add(bar.start(), bar.open().dollars(), bar.close().dollars()),
                bytes -> { });
        return builder.build();
    }

    /** Collects candles (oldest first, duplicates: the later wins) into a grid. */
    public static final class Builder {
        private Instant start;
        private double[] open = new double[1024];
        private double[] close = new double[1024];
        private int size;

        private Builder() {
            Arrays.fill(open, Double.NaN);
            Arrays.fill(close, Double.NaN);
        }

        public Builder add(Candle candle) {
            return add(candle.start(), candle.open().dollars(), candle.close().dollars());
        }

        /** Adds one minute by its open time and prices in dollars. */
        public Builder add(Instant minute, double openDollars, double closeDollars) {
            Instant m = minute.truncatedTo(ChronoUnit.MINUTES);
            if (start == null) {
                start = m;
            }
            long index = Duration.between(start, m).toMinutes();
            if (index < 0) {
                throw new IllegalArgumentException("candles must come oldest first: " + m + " is before " + start);
            }
            if (index >= Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("history spans too many minutes");
            }
            int i = (int) index;
            ensure(i + 1);
            open[i] = openDollars;
            close[i] = closeDollars;
            size = Math.max(size, i + 1);
            return this;
        }

        private void ensure(int n) {
            if (n > open.length) {
                int old = open.length;
                int length = Math.max(n, old * 2);
                open = Arrays.copyOf(open, length);
                close = Arrays.copyOf(close, length);
                Arrays.fill(open, old, length, Double.NaN);
                Arrays.fill(close, old, length, Double.NaN);
            }
        }

        public MinuteSeries build() {
            if (start == null) {
                return new MinuteSeries(Instant.EPOCH, new double[0], new double[0]);
            }
            return new MinuteSeries(start, Arrays.copyOf(open, size), Arrays.copyOf(close, size));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return close.length;
    }

    public Instant start() {
        return start;
    }

    public Instant minute(int index) {
        return start.plus(index, ChronoUnit.MINUTES);
    }

    /** Index of the minute that starts at or contains {@code at}, possibly outside 0..size-1. */
    public long indexOf(Instant at) {
        return Math.floorDiv(Duration.between(start, at).toSeconds(), 60);
    }

    public double close(int index) {
        return index >= 0 && index < close.length ? close[index] : Double.NaN;
    }

    public double open(int index) {
        return index >= 0 && index < open.length ? open[index] : Double.NaN;
    }

    /** The first {@code minutes} minutes only (history before a hold-out cut). */
    public MinuteSeries head(int minutes) {
        int n = Math.max(0, Math.min(minutes, close.length));
        return new MinuteSeries(start, Arrays.copyOf(open, n), Arrays.copyOf(close, n));
    }

    /** How many minutes hold a price. */
    public int present() {
        int n = 0;
        for (double c : close) {
            if (!Double.isNaN(c)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Momentum at the close of minute {@code index} in percent, as the feeds module computes it from its
     * price log: the weighted average of the % changes against 1, 2, 3, 4, 15 and 30 minutes earlier
     * (weights 0.30, 0.25, 0.20, 0.15, 0.05, 0.05), renormalised over the deltas that exist; NaN when none does.
     */
    public double momentumPercent(int index) {
        double now = close(index);
        if (Double.isNaN(now)) {
            return Double.NaN;
        }
        double sum = 0;
        double weights = 0;
        for (int k = 0; k < PriceTick.DELTA_MINUTES.length; k++) {
            double then = close(index - PriceTick.DELTA_MINUTES[k]);
            if (!Double.isNaN(then) && then > 0) {
                sum += PriceTick.MOMENTUM_WEIGHTS[k] * (now - then) / then * 100;
                weights += PriceTick.MOMENTUM_WEIGHTS[k];
            }
        }
        return weights == 0 ? Double.NaN : sum / weights;
    }
}
