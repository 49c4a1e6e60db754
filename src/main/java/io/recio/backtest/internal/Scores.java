package io.recio.backtest.internal;

/**
 * The model's forecasts over a backtest scored against what settled: Brier score, log loss and a
 * reliability table of ten probability bins. One forecast per listed market per minute of a traded hour.
 */
final class Scores {

    static final int BINS = 10;
    private static final double CLAMP = 1e-6;

    private long count;
    private double brierSum;
    private double logLossSum;
    private final long[] binCount = new long[BINS];
    private final double[] binForecast = new double[BINS];
    private final long[] binYes = new long[BINS];

    void add(double p, boolean yes) {
        double o = yes ? 1 : 0;
        count++;
        brierSum += (p - o) * (p - o);
        double q = Math.clamp(p, CLAMP, 1 - CLAMP);
        logLossSum -= yes ? Math.log(q) : Math.log(1 - q);
        int bin = Math.min(BINS - 1, (int) (p * BINS));
        binCount[bin]++;
        binForecast[bin] += p;
        if (yes) {
            binYes[bin]++;
        }
    }

    long count() {
        return count;
    }

    double brier() {
        return count == 0 ? Double.NaN : brierSum / count;
    }

    double logLoss() {
        return count == 0 ? Double.NaN : logLossSum / count;
    }

    /** One bin: its bounds, how many forecasts fell in it, their mean and how often YES settled. */
    public record Bin(double from, double to, long forecasts, double meanForecast, double observed) {
    }

    java.util.List<Bin> reliability() {
        java.util.List<Bin> bins = new java.util.ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            long n = binCount[i];
            bins.add(new Bin(i / (double) BINS, (i + 1) / (double) BINS, n, n == 0 ? Double.NaN : binForecast[i] / n,
                    n == 0 ? Double.NaN : binYes[i] / (double) n));
        }
        return bins;
    }

    /** Expected calibration error: the forecast-weighted mean gap between forecast and outcome per bin. */
    double calibrationError() {
        if (count == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < BINS; i++) {
            if (binCount[i] > 0) {
                sum += Math.abs(binForecast[i] - binYes[i]);
            }
        }
        return sum / count;
    }
}
