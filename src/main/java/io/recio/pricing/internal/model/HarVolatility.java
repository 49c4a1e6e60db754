package io.recio.pricing.internal.model;

import java.util.Arrays;

/**
 * HAR-style volatility (Corsi 2009): the next hour's variance of one-minute log returns forecast as a weighted sum
 * of the realised variances of the trailing 15, 60, 360 and 1440 minutes, the weights fitted by non-negative least
 * squares on the build history (each minute's realised variance of the following hour as the target).
 */
public final class HarVolatility {

    /** Trailing windows in minutes, shortest first. */
    public static final int[] WINDOWS = {15, 60, 360, 1440};
    private static final int TARGET = 60;

    private final double[] weights;

    private HarVolatility(double[] weights) {
        this.weights = weights;
    }

    /** Weights stored by an earlier fit, one per {@link #WINDOWS} entry. */
    public static HarVolatility of(double[] weights) {
        if (weights.length != WINDOWS.length) {
            throw new IllegalArgumentException("HAR needs " + WINDOWS.length + " weights, got " + weights.length);
        }
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("HAR weights must be finite and non-negative, got " + w);
            }
        }
        return new HarVolatility(weights.clone());
    }

    /** The fitted weights, one per {@link #WINDOWS} entry. */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Fits the weights on the minutes {@code 0..end-1} of {@code s}; null when too little complete history exists.
     * A minute counts when every trailing window and the following hour hold half their returns. The windows are
     * read from prefix sums minute by minute, so a year of history costs two arrays, not one per window.
     */
    public static HarVolatility fit(MinuteSeries s, int end) {
        double[] prefix = prefix(squares(s));
        int[] counts = counts(s);
        int k = WINDOWS.length;
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        double[] x = new double[k];
        long rows = 0;
        for (int i = WINDOWS[k - 1]; i + TARGET < end; i++) {
            int present = counts[i + TARGET + 1] - counts[i + 1];
            boolean complete = present >= TARGET / 2;
            for (int a = 0; a < k && complete; a++) {
                x[a] = meanSquare(prefix, counts, i, WINDOWS[a]);
                complete = !Double.isNaN(x[a]);
            }
            if (!complete) {
                continue;
            }
            double y = (prefix[i + TARGET + 1] - prefix[i + 1]) / present;
            for (int a = 0; a < k; a++) {
                xty[a] += x[a] * y;
                for (int b = 0; b < k; b++) {
                    xtx[a][b] += x[a] * x[b];
                }
            }
            rows++;
        }
        if (rows < 1440) {
            return null;
        }
        boolean[] active = new boolean[k];
        Arrays.fill(active, true);
        double[] w;
        while (true) {
            w = solve(xtx, xty, active);
            int worst = -1;
            for (int a = 0; a < k; a++) {
                if (active[a] && w[a] < 0 && (worst < 0 || w[a] < w[worst])) {
                    worst = a;
                }
            }
            if (worst < 0) {
                return new HarVolatility(w);
            }
            active[worst] = false;
        }
    }

    /** The forecast variance per minute at the close of every minute of {@code s} (NaN while the windows fill). */
    public double[] variancePerMinute(MinuteSeries s) {
        double[][] trailing = trailing(s);
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            double v = 0;
            for (int a = 0; a < weights.length; a++) {
                v += weights[a] == 0 ? 0 : weights[a] * trailing[a][i];
            }
            out[i] = v > 0 ? v : Double.NaN;
        }
        return out;
    }

    /** Mean squared one-minute log return over each trailing window ending at minute i (NaN when under half present). */
    public static double[][] trailing(MinuteSeries s) {
        double[] prefix = prefix(squares(s));
        int[] counts = counts(s);
        double[][] out = new double[WINDOWS.length][s.size()];
        for (int a = 0; a < WINDOWS.length; a++) {
            for (int i = 0; i < s.size(); i++) {
                out[a][i] = meanSquare(prefix, counts, i, WINDOWS[a]);
            }
        }
        return out;
    }

    /** The mean square of the returns of the {@code w} minutes ending at i, NaN when under half are present. */
    private static double meanSquare(double[] prefix, int[] counts, int i, int w) {
        int from = Math.max(0, i + 1 - w);
        int present = counts[i + 1] - counts[from];
        return i + 1 < w || present < w / 2 ? Double.NaN : (prefix[i + 1] - prefix[from]) / present;
    }

    /** Squared log return of each minute against the one before (0 where either is missing). */
    private static double[] squares(MinuteSeries s) {
        double[] out = new double[s.size()];
        for (int i = 1; i < s.size(); i++) {
            double r = Math.log(s.close(i) / s.close(i - 1));
            out[i] = Double.isNaN(r) ? 0 : r * r;
        }
        return out;
    }

    private static int[] counts(MinuteSeries s) {
        int[] out = new int[s.size() + 1];
        for (int i = 0; i < s.size(); i++) {
            boolean present = i > 0 && !Double.isNaN(s.close(i)) && !Double.isNaN(s.close(i - 1));
            out[i + 1] = out[i] + (present ? 1 : 0);
        }
        return out;
    }

    private static double[] prefix(double[] x) {
        double[] out = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            out[i + 1] = out[i] + x[i];
        }
        return out;
    }

    /** Solves the normal equations restricted to the active columns; inactive weights are zero. */
    private static double[] solve(double[][] xtx, double[] xty, boolean[] active) {
        int[] cols = java.util.stream.IntStream.range(0, xty.length).filter(a -> active[a]).toArray();
        double[][] m = new double[cols.length][cols.length];
        double[] v = new double[cols.length];
        for (int r = 0; r < cols.length; r++) {
            for (int c = 0; c < cols.length; c++) {
                m[r][c] = xtx[cols[r]][cols[c]];
            }
            v[r] = xty[cols[r]];
        }
        double[] x = LinearSystem.solve(m, v);
        double[] w = new double[xty.length];
        for (int r = 0; r < cols.length; r++) {
            w[cols[r]] = x[r];
        }
        return w;
    }
}
