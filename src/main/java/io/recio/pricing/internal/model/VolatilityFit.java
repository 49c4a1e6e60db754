package io.recio.pricing.internal.model;

/**
 * What the volatility model learns from one-minute history.
 *
 * @param sigmaPerSecond the EWMA volatility of log returns at the end of the history, per √second
 * @param nu             Student-t degrees of freedom of 15-minute returns standardised by the running EWMA
 *                       volatility (method of moments on the excess kurtosis, κ = 6/(ν − 4))
 * @param minutes        how many one-minute returns went in
 */
public record VolatilityFit(double sigmaPerSecond, double nu, long minutes) {

    /** Fewest and most degrees of freedom the fit may return (ν &gt; 4 keeps the kurtosis finite). */
    public static final double MIN_NU = 4.2;
    public static final double MAX_NU = 60;

    /** Degrees of freedom for too little history: moderately fat tails. */
    public static final double DEFAULT_NU = 6;

    /**
     * Fits history; {@code halfLifeMinutes} is the EWMA half-life. Returns null when fewer than two hours
     * of consecutive returns exist.
     */
    public static VolatilityFit fit(MinuteSeries series, double halfLifeMinutes) {
        double lambda = Math.pow(0.5, 1 / halfLifeMinutes);
        double variance = Double.NaN;
        long count = 0;
        int horizon = 15;
        double accumulated = 0;
        double expectedVariance = 0;
        int inBlock = 0;
        double m2 = 0;
        double m4 = 0;
        long blocks = 0;
        for (int i = 1; i < series.size(); i++) {
            double a = series.close(i - 1);
            double b = series.close(i);
            if (Double.isNaN(a) || Double.isNaN(b) || a <= 0 || b <= 0) {
                inBlock = 0;
                accumulated = 0;
                expectedVariance = 0;
                continue;
            }
            double r = Math.log(b / a);
            if (Double.isNaN(variance)) {
                variance = r * r;
            } else {
                if (variance > 0) {
                    accumulated += r;
                    expectedVariance += variance;
                    inBlock++;
                    if (inBlock == horizon) {
                        double z = accumulated / Math.sqrt(expectedVariance);
                        m2 += z * z;
                        m4 += z * z * z * z;
                        blocks++;
                        inBlock = 0;
                        accumulated = 0;
                        expectedVariance = 0;
                    }
                }
                variance = lambda * variance + (1 - lambda) * r * r;
            }
            count++;
        }
        if (count < 120 || Double.isNaN(variance)) {
            return null;
        }
        double nu = DEFAULT_NU;
        if (blocks >= 30) {
            double mean2 = m2 / blocks;
            double kurtosis = (m4 / blocks) / (mean2 * mean2) - 3;
            nu = kurtosis <= 6 / (MAX_NU - 4) ? MAX_NU : Math.max(MIN_NU, Math.min(MAX_NU, 4 + 6 / kurtosis));
        }
        return new VolatilityFit(Math.sqrt(variance / 60), nu, count);
    }
}
