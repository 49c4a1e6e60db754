package io.recio.pricing.internal.eval;

import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import io.recio.pricing.SettlementDistribution;
import io.recio.pricing.internal.model.FingerprintBuilder;
import io.recio.pricing.internal.model.FingerprintModel;
import io.recio.pricing.internal.model.MinuteSeries;
import io.recio.pricing.internal.model.VolatilityFit;
import io.recio.pricing.internal.model.VolatilityModel;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores both models on history they were not built from: the last {@code holdoutDays} of a one-minute
 * series are held out; at every minute 1..60 before each hourly close in that span, for the 10 strikes of
 * a grid on each side of the price, each model predicts P(settle &gt; K) and the outcome is checked. The
 * settlement value is approximated by the mean of the open and close of the final minute (the index's
 * 60-second average is not in one-minute history).
 */
public final class Evaluation {

    /** Ten equal probability bands of the reliability table. */
    public static final int BANDS = 10;

    /** Inputs of one run. */
    public record Settings(int holdoutDays, double strikeStep, double yearlyDecay, int minSamples,
                           double historyHalfLifeMinutes, double floorFraction) {
    }

    /** One model's scores. */
    public record Score(String model, long predictions, double brier, double logLoss, long[] bandCount,
                        double[] bandMeanPredicted, double[] bandObserved) {
    }

    /** The whole result for one symbol. */
    public record Result(Symbol symbol, Instant trainFrom, Instant trainTo, Instant testFrom, Instant testTo,
                         long trainMinutes, long closes, double nu, List<Score> scores) {
    }

    private static final class Accumulator {
        final String model;
        long n;
        double brier;
        double logLoss;
        final long[] count = new long[BANDS];
        final double[] sumP = new double[BANDS];
        final double[] hits = new double[BANDS];

        Accumulator(String model) {
            this.model = model;
        }

        void add(double p, boolean outcome) {
            double y = outcome ? 1 : 0;
            n++;
            brier += (p - y) * (p - y);
            double clipped = Math.min(1 - 1e-6, Math.max(1e-6, p));
            logLoss -= outcome ? Math.log(clipped) : Math.log(1 - clipped);
            int band = Math.min(BANDS - 1, (int) Math.floor(p * BANDS));
            count[band]++;
            sumP[band] += p;
            hits[band] += y;
        }

        Score score() {
            double[] mean = new double[BANDS];
            double[] observed = new double[BANDS];
            for (int b = 0; b < BANDS; b++) {
                mean[b] = count[b] == 0 ? Double.NaN : sumP[b] / count[b];
                observed[b] = count[b] == 0 ? Double.NaN : hits[b] / count[b];
            }
            return new Score(model, n, n == 0 ? Double.NaN : brier / n, n == 0 ? Double.NaN : logLoss / n,
                    count.clone(), mean, observed);
        }
    }

    private Evaluation() {
    }

    public static Result run(Symbol symbol, MinuteSeries series, Settings settings) {
        int cut = series.size() - settings.holdoutDays() * 1440;
        if (cut < 1440) {
            throw new IllegalArgumentException("the history of " + symbol + " spans " + series.size() / 1440
                    + " days; holding out " + settings.holdoutDays() + " days must leave at least one day to build from");
        }
        MinuteSeries train = series.head(cut);
        FingerprintModel fingerprint = new FingerprintModel();
        fingerprint.install(symbol, new FingerprintBuilder(settings.yearlyDecay(), settings.minSamples())
                .build(train, p -> { }));
        VolatilityFit fit = VolatilityFit.fit(train, settings.historyHalfLifeMinutes());
        if (fit == null) {
            throw new IllegalArgumentException("too little consecutive history of " + symbol + " to fit volatility");
        }
        double[] sigmaPerSecond = causalSigma(series, settings.historyHalfLifeMinutes(),
                settings.floorFraction() * fit.sigmaPerSecond());
        Accumulator fp = new Accumulator(FingerprintModel.NAME);
        Accumulator vol = new Accumulator(VolatilityModel.NAME);
        Instant testFrom = series.minute(cut);
        Instant end = series.minute(series.size() - 1);
        long closes = 0;
        for (Instant close = testFrom.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
             !close.isAfter(end); close = close.plus(1, ChronoUnit.HOURS)) {
            int last = (int) series.indexOf(close) - 1;
            double settle = (series.open(last) + series.close(last)) / 2;
            if (Double.isNaN(settle)) {
                continue;
            }
            closes++;
            for (int minutes = 1; minutes <= 60; minutes++) {
                int i = (int) series.indexOf(close.minus(Duration.ofMinutes(minutes))) - 1;
                double spot = series.close(i);
                if (i < cut || Double.isNaN(spot) || Double.isNaN(sigmaPerSecond[i])) {
                    continue;
                }
                ModelInputs in = ModelInputs.unobserved(symbol, spot, minutes * 60.0,
                        series.momentumPercent(i) * 100);
                SettlementDistribution f = fingerprint.settlement(in);
                SettlementDistribution v = VolatilityModel.settlement(in, sigmaPerSecond[i], fit.nu());
                double step = settings.strikeStep();
                double base = Math.floor(spot / step) * step;
                for (int k = -9; k <= 10; k++) {
                    double strike = base + k * step;
                    boolean yes = settle > strike;
                    fp.add(f.probabilityAbove(strike), yes);
                    vol.add(v.probabilityAbove(strike), yes);
                }
            }
        }
        return new Result(symbol, train.start(), train.minute(train.size() - 1), testFrom, end, train.present(),
                closes, fit.nu(), List.of(fp.score(), vol.score()));
    }

    /** σ per √second known at the close of each minute (EWMA of one-minute log returns, floored). */
    private static double[] causalSigma(MinuteSeries s, double halfLifeMinutes, double floorPerSecond) {
        double lambda = Math.pow(0.5, 1 / halfLifeMinutes);
        double[] out = new double[s.size()];
        double variance = Double.NaN;
        out[0] = Double.NaN;
        for (int i = 1; i < s.size(); i++) {
            double a = s.close(i - 1);
            double b = s.close(i);
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                double r = Math.log(b / a);
                variance = Double.isNaN(variance) ? r * r : lambda * variance + (1 - lambda) * r * r;
            }
            out[i] = Double.isNaN(variance) ? Double.NaN : Math.max(Math.sqrt(variance / 60), floorPerSecond);
        }
        return out;
    }

    /** The console report of one result. */
    public static String format(Result r, String source) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s  %s%n", r.symbol(), source));
        b.append(String.format(Locale.ROOT, "  built from %s .. %s (%,d one-minute candles)%n", r.trainFrom(),
                r.trainTo(), r.trainMinutes()));
        b.append(String.format(Locale.ROOT, "  evaluated on %s .. %s: %,d hourly closes, %,d predictions per model"
                + " (minutes 1..60 before each close x 20 strikes)%n", r.testFrom(), r.testTo(), r.closes(),
                r.scores().get(0).predictions()));
        b.append(String.format(Locale.ROOT, "  volatility model: Student-t nu = %.2f (fitted on the build history)%n",
                r.nu()));
        b.append(String.format(Locale.ROOT, "  %-12s %10s %10s%n", "model", "Brier", "log loss"));
        for (Score s : r.scores()) {
            b.append(String.format(Locale.ROOT, "  %-12s %10.5f %10.5f%n", s.model(), s.brier(), s.logLoss()));
        }
        b.append("  reliability: predicted band -> mean predicted / observed frequency (count)\n");
        b.append(String.format(Locale.ROOT, "  %-9s", "band"));
        for (Score s : r.scores()) {
            b.append(String.format(Locale.ROOT, " %-32s", s.model()));
        }
        b.append('\n');
        for (int band = 0; band < BANDS; band++) {
            b.append(String.format(Locale.ROOT, "  %.1f-%.1f  ", band / 10.0, (band + 1) / 10.0));
            for (Score s : r.scores()) {
                b.append(s.bandCount()[band] == 0 ? String.format(Locale.ROOT, " %-32s", "-")
                        : String.format(Locale.ROOT, " %-32s", String.format(Locale.ROOT, "%.3f / %.3f (%,d)",
                        s.bandMeanPredicted()[band], s.bandObserved()[band], s.bandCount()[band])));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The better-calibrated model by Brier score. */
    public static String better(Result r) {
        List<Score> sorted = new ArrayList<>(r.scores());
        sorted.sort((a, c) -> Double.compare(a.brier(), c.brier()));
        return sorted.get(0).model();
    }
}
