package io.recio.pricing.internal.eval;

import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import io.recio.pricing.SettlementDistribution;
import io.recio.pricing.internal.model.FingerprintBuilder;
import io.recio.pricing.internal.model.FingerprintModel;
import io.recio.pricing.internal.model.HarModel;
import io.recio.pricing.internal.model.HarVolatility;
import io.recio.pricing.internal.model.MinuteSeries;
import io.recio.pricing.internal.model.StudentT;
import io.recio.pricing.internal.model.VolatilityFit;
import io.recio.pricing.internal.model.VolatilityModel;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the models walk-forward on history they were not built from: the last {@code folds × holdoutDays} of a
 * one-minute series are cut into folds; each fold is predicted by models built from everything before it. At every
 * minute 1..60 before each hourly close of a fold, for the 10 strikes of a grid on each side of the price, each model
 * predicts P(settle &gt; K) and the outcome is checked. The settlement value is approximated by the mean of the
 * open and close of the final minute (the index's 60-second average is not in one-minute history).
 *
 * <p>Every model is scored on exactly the same points as the {@value #BASELINE} model: a lognormal with the
 * realised volatility of the trailing 60 one-minute returns, no drift, no fat tails, no settlement window.
 */
public final class Evaluation {

    /** Ten equal probability bands of the reliability table. */
    public static final int BANDS = 10;
    /** The reference every model's skill is measured against. */
    public static final String BASELINE = "baseline";
    /** HAR-style volatility: realised variance over 15/60/360/1440 minutes, weights fitted on the build history. */
    public static final String HAR = HarModel.NAME;

    /** Inputs of one run. */
    public record Settings(int holdoutDays, int folds, double strikeStep, double yearlyDecay, int minSamples,
                           double historyHalfLifeMinutes, double floorFraction) {
    }

    /** One model's scores; {@code ece} is the expected calibration error over the ten bands. */
    public record Score(String model, long predictions, double brier, double logLoss, double ece, long[] bandCount,
                        double[] bandMeanPredicted, double[] bandObserved) {

        /** Brier skill score against {@code reference}: 1 − Brier / Brier_reference. */
        public double skill(Score reference) {
            return 1 - brier / reference.brier();
        }
    }

    /** One walk-forward fold: built from everything before {@code testFrom}, scored on {@code testFrom..testTo}. */
    public record Fold(Instant testFrom, Instant testTo, long closes, double nu, double[] harWeights,
                       List<Score> scores) {
    }

    /** The whole result for one symbol: each fold, and every model's scores over all folds together. */
    public record Result(Symbol symbol, Instant dataFrom, Instant testFrom, Instant testTo, long closes,
                         List<Fold> folds, List<Score> scores) {

        /** The baseline's scores over all folds. */
        public Score baseline() {
            return scores.getFirst();
        }
    }

    /** Accumulates one model's predictions. */
    static final class Accumulator {
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

        void addAll(Accumulator other) {
            n += other.n;
            brier += other.brier;
            logLoss += other.logLoss;
            for (int b = 0; b < BANDS; b++) {
                count[b] += other.count[b];
                sumP[b] += other.sumP[b];
                hits[b] += other.hits[b];
            }
        }

        Score score() {
            double[] mean = new double[BANDS];
            double[] observed = new double[BANDS];
            double ece = 0;
            for (int b = 0; b < BANDS; b++) {
                mean[b] = count[b] == 0 ? Double.NaN : sumP[b] / count[b];
                observed[b] = count[b] == 0 ? Double.NaN : hits[b] / count[b];
                ece += count[b] == 0 ? 0 : Math.abs(sumP[b] - hits[b]);
            }
            return new Score(model, n, n == 0 ? Double.NaN : brier / n, n == 0 ? Double.NaN : logLoss / n,
                    n == 0 ? Double.NaN : ece / n, count.clone(), mean, observed);
        }
    }

    private Evaluation() {
    }

    public static Result run(Symbol symbol, MinuteSeries series, Settings settings) {
        int foldMinutes = settings.holdoutDays() * 1440;
        int firstCut = series.size() - settings.folds() * foldMinutes;
        if (settings.folds() < 1 || firstCut < 1440) {
            throw new IllegalArgumentException("the history of " + symbol + " spans " + series.size() / 1440
                    + " days; " + settings.folds() + " folds of " + settings.holdoutDays()
                    + " days must leave at least one day to build from");
        }
        double[] baselineVariance = HarVolatility.trailing(series)[1];
        Map<String, Accumulator> total = new LinkedHashMap<>();
        List<Fold> folds = new ArrayList<>();
        long closes = 0;
        for (int f = 0; f < settings.folds(); f++) {
            int cut = firstCut + f * foldMinutes;
            int end = Math.min(series.size(), cut + foldMinutes);
            Fold fold = fold(symbol, series, cut, end, settings, baselineVariance);
            folds.add(fold);
            closes += fold.closes();
        }
        for (Fold fold : folds) {
            for (Score s : fold.scores()) {
                total.computeIfAbsent(s.model(), Accumulator::new);
            }
        }
        List<Score> scores = new ArrayList<>();
        for (String model : total.keySet()) {
            Accumulator all = new Accumulator(model);
            for (Fold fold : folds) {
                fold.scores().stream().filter(s -> s.model().equals(model)).findFirst()
                        .ifPresent(s -> all.addAll(restore(s)));
            }
            scores.add(all.score());
        }
        return new Result(symbol, series.start(), folds.getFirst().testFrom(), folds.getLast().testTo(), closes,
                folds, scores);
    }

    /** Rebuilds an accumulator from a score (sums are exact up to floating point). */
    private static Accumulator restore(Score s) {
        Accumulator a = new Accumulator(s.model());
        a.n = s.predictions();
        a.brier = s.brier() * s.predictions();
        a.logLoss = s.logLoss() * s.predictions();
        for (int b = 0; b < BANDS; b++) {
            a.count[b] = s.bandCount()[b];
            a.sumP[b] = s.bandCount()[b] == 0 ? 0 : s.bandMeanPredicted()[b] * s.bandCount()[b];
            a.hits[b] = s.bandCount()[b] == 0 ? 0 : s.bandObserved()[b] * s.bandCount()[b];
        }
        return a;
    }

    private static Fold fold(Symbol symbol, MinuteSeries series, int cut, int end, Settings settings,
                             double[] baselineVariance) {
        MinuteSeries train = series.head(cut);
        FingerprintModel fingerprint = new FingerprintModel();
        fingerprint.install(symbol, new FingerprintBuilder(settings.yearlyDecay(), settings.minSamples())
                .build(train, p -> { }));
        VolatilityFit fit = VolatilityFit.fit(train, settings.historyHalfLifeMinutes());
        if (fit == null) {
            throw new IllegalArgumentException("too little consecutive history of " + symbol + " to fit volatility");
        }
        HarVolatility har = HarVolatility.fit(series, cut);
        if (har == null) {
            throw new IllegalArgumentException("too little consecutive history of " + symbol
                    + " before " + series.minute(cut) + " to fit the HAR volatility (needs two days)");
        }
        double[] harVariance = har.variancePerMinute(series);
        double[] sigmaPerSecond = causalSigma(series, settings.historyHalfLifeMinutes(),
                settings.floorFraction() * fit.sigmaPerSecond());
        Accumulator base = new Accumulator(BASELINE);
        Accumulator fp = new Accumulator(FingerprintModel.NAME);
        Accumulator vol = new Accumulator(VolatilityModel.NAME);
        Accumulator harScore = new Accumulator(HAR);
        Instant testFrom = series.minute(cut);
        Instant testTo = series.minute(end - 1);
        long closes = 0;
        for (Instant close = testFrom.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
             !close.isAfter(testTo); close = close.plus(1, ChronoUnit.HOURS)) {
            int last = (int) series.indexOf(close) - 1;
            double settle = (series.open(last) + series.close(last)) / 2;
            if (Double.isNaN(settle)) {
                continue;
            }
            closes++;
            for (int minutes = 1; minutes <= 60; minutes++) {
                int i = (int) series.indexOf(close.minus(Duration.ofMinutes(minutes))) - 1;
                double spot = series.close(i);
                if (i < cut || Double.isNaN(spot) || Double.isNaN(sigmaPerSecond[i])
                        || Double.isNaN(baselineVariance[i]) || Double.isNaN(harVariance[i])) {
                    continue;
                }
                ModelInputs in = ModelInputs.unobserved(symbol, spot, minutes * 60.0,
                        series.momentumPercent(i) * 100);
                SettlementDistribution b = baseline(spot, baselineVariance[i], minutes);
                SettlementDistribution fd = fingerprint.settlement(in);
                SettlementDistribution v = VolatilityModel.settlement(in, sigmaPerSecond[i], fit.nu());
                SettlementDistribution h = HarModel.settlement(in, harVariance[i], fit.nu());
                double step = settings.strikeStep();
                double grid = Math.floor(spot / step) * step;
                for (int k = -9; k <= 10; k++) {
                    double strike = grid + k * step;
                    boolean yes = settle > strike;
                    base.add(b.probabilityAbove(strike), yes);
                    fp.add(fd.probabilityAbove(strike), yes);
                    vol.add(v.probabilityAbove(strike), yes);
                    harScore.add(h.probabilityAbove(strike), yes);
                }
            }
        }
        return new Fold(testFrom, testTo, closes, fit.nu(), har.weights(),
                List.of(base.score(), fp.score(), vol.score(), harScore.score()));
    }

    /**
     * The baseline: the log move to the close is normal with the variance of the trailing 60 one-minute returns
     * (mean square, no drift) times the minutes left; no fat tails, no settlement window.
     */
    static SettlementDistribution baseline(double spot, double variancePerMinute, double minutes) {
        double sd = Math.sqrt(variancePerMinute * minutes);
        return level -> StudentT.normalUpperTail(Math.log(level / spot) / sd);
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
        b.append(String.format(Locale.ROOT, "  walk-forward: %d folds, each built from all history since %s before it%n",
                r.folds().size(), r.dataFrom()));
        b.append(String.format(Locale.ROOT, "  evaluated on %s .. %s: %,d hourly closes, %,d predictions per model"
                + " (minutes 1..60 before each close x 20 strikes)%n", r.testFrom(), r.testTo(), r.closes(),
                r.baseline().predictions()));
        b.append(String.format(Locale.ROOT, "  %-30s", "fold (held out)"));
        for (Score s : r.scores()) {
            b.append(String.format(Locale.ROOT, " %-22s", s.model() + " Brier/BSS/ECE"));
        }
        b.append('\n');
        for (Fold f : r.folds()) {
            b.append(String.format(Locale.ROOT, "  %-30s", f.testFrom().toString().substring(0, 16) + ".."
                    + f.testTo().toString().substring(5, 16)));
            Score reference = f.scores().getFirst();
            for (Score s : f.scores()) {
                b.append(String.format(Locale.ROOT, " %-22s", String.format(Locale.ROOT, "%.5f %+.4f %.4f",
                        s.brier(), s.skill(reference), s.ece())));
            }
            b.append(String.format(Locale.ROOT, "  (nu %.2f, HAR weights 15/60/360/1440 min %s)%n", f.nu(),
                    weights(f.harWeights())));
        }
        b.append(String.format(Locale.ROOT, "  %-12s %10s %10s %12s %8s%n", "all folds", "Brier", "log loss",
                "skill vs base", "ECE"));
        for (Score s : r.scores()) {
            b.append(String.format(Locale.ROOT, "  %-12s %10.5f %10.5f %+12.4f %8.4f%n", s.model(), s.brier(),
                    s.logLoss(), s.skill(r.baseline()), s.ece()));
        }
        b.append("  reliability: predicted band -> mean predicted / observed frequency (count)\n");
        b.append(String.format(Locale.ROOT, "  %-9s", "band"));
        for (Score s : r.scores()) {
            b.append(String.format(Locale.ROOT, " %-28s", s.model()));
        }
        b.append('\n');
        for (int band = 0; band < BANDS; band++) {
            b.append(String.format(Locale.ROOT, "  %.1f-%.1f  ", band / 10.0, (band + 1) / 10.0));
            for (Score s : r.scores()) {
                b.append(s.bandCount()[band] == 0 ? String.format(Locale.ROOT, " %-28s", "-")
                        : String.format(Locale.ROOT, " %-28s", String.format(Locale.ROOT, "%.3f / %.3f (%,d)",
                        s.bandMeanPredicted()[band], s.bandObserved()[band], s.bandCount()[band])));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** HAR weights as 0.05/0.36/0.13/0.36. */
    public static String weights(double[] w) {
        StringBuilder s = new StringBuilder();
        for (double x : w) {
            s.append(s.isEmpty() ? "" : "/").append(String.format(Locale.ROOT, "%.2f", x));
        }
        return s.toString();
    }

    /** The model with the lowest Brier score. */
    public static String better(Result r) {
        List<Score> sorted = new ArrayList<>(r.scores());
        sorted.sort((a, c) -> Double.compare(a.brier(), c.brier()));
        return sorted.get(0).model();
    }
}
