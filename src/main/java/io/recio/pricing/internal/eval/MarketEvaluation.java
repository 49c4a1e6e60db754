package io.recio.pricing.internal.eval;

import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import io.recio.pricing.internal.model.VolatilityFit;
import io.recio.pricing.internal.model.VolatilityModel;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Scores recorded Kalshi prices against the outcome beside the models, by minutes to close: the market's YES mid,
 * the {@link Evaluation#BASELINE} lognormal, the volatility model (settlement window, Student-t tails) on the same
 * trailing volatility, the plain 50/50 average of market and baseline, and the market-informed blend — a logistic
 * regression on logit(market) and logit(volatility model) refitted before every contract on the contracts that had
 * closed when its window opened (never on the contract itself or later ones). A contract before
 * {@code minTrainingContracts} earlier ones exist is warm-up and scored by no one, so every column covers the same
 * points.
 */
public final class MarketEvaluation {

    /** Minutes-to-close bands of the report (upper bounds, inclusive). */
    static final double[] BANDS = {2, 5, 10, 15, 60};
    /** The columns of the report. */
    public static final List<String> MODELS = List.of("market", Evaluation.BASELINE, VolatilityModel.NAME,
            "average", "blend");
    private static final double CLIP = 0.01;
    /** Snapshot pairs further apart are a gap, not a return. */
    static final double MAX_GAP_MINUTES = 5;
    /** Minutes of the trailing hour the snapshots must cover for a volatility estimate. */
    static final double MIN_COVERED_MINUTES = 10;

    /** One minutes-to-close band: points, contracts and each column's Brier score (in {@link #MODELS} order). */
    public record Band(double fromMinutes, double toMinutes, long points, int contracts, double[] brier) {
    }

    /** The whole result; {@code all} is every band together. */
    public record Result(int contracts, int scoredContracts, List<Band> bands, Band all) {
    }

    private record Point(int contract, double minutes, double market, double baseline, double volatility,
                         boolean yes) {
    }

    private MarketEvaluation() {
    }

    public static Result run(Symbol symbol, MarketHistory.Data data, int minTrainingContracts) {
        List<List<Point>> byContract = new ArrayList<>();
        for (int c = 0; c < data.contracts().size(); c++) {
            MarketHistory.Contract contract = data.contracts().get(c);
            List<Point> points = new ArrayList<>();
            for (MarketHistory.Quote q : contract.quotes()) {
                double left = Duration.between(q.at(), contract.close()).toMillis() / 60_000.0;
                double variance = left <= 0 ? Double.NaN : trailingVariance(data.spot(), q.at());
                if (Double.isNaN(variance)) {
                    continue;
                }
                double base = Evaluation.baseline(q.spot(), variance, left).probabilityAbove(contract.strike());
                double vol = VolatilityModel.settlement(ModelInputs.unobserved(symbol, q.spot(), left * 60, Double.NaN),
                        Math.sqrt(variance / 60), VolatilityFit.DEFAULT_NU).probabilityAbove(contract.strike());
                points.add(new Point(c, left, q.yesMid(), base, vol, contract.yes()));
            }
            byContract.add(points);
        }
        double[][] sums = new double[BANDS.length + 1][MODELS.size()];
        long[] counts = new long[BANDS.length + 1];
        List<Set<Integer>> contractsPerBand = new ArrayList<>();
        for (int b = 0; b <= BANDS.length; b++) {
            contractsPerBand.add(new HashSet<>());
        }
        Set<Integer> scored = new HashSet<>();
        // The contracts of one event (an hourly event lists many strikes) share a training set: fitted once.
        Instant fittedFor = null;
        double[] fitted = null;
        for (int c = 0; c < byContract.size(); c++) {
            Instant open = data.contracts().get(c).close().minus(15, ChronoUnit.MINUTES);
            List<Point> training = new ArrayList<>();
            int trainingContracts = 0;
            for (int d = 0; d < c; d++) {
                if (!data.contracts().get(d).close().isAfter(open) && !byContract.get(d).isEmpty()) {
                    training.addAll(byContract.get(d));
                    trainingContracts++;
                }
            }
            if (trainingContracts < minTrainingContracts || byContract.get(c).isEmpty()) {
                continue;
            }
            // Nothing to fit on (only when no warm-up is asked for): the blend is the market's own logit.
            if (!open.equals(fittedFor)) {
                fittedFor = open;
                fitted = training.isEmpty() ? new double[]{0, 1, 0} : Logistic.fit(training.stream()
                        .map(p -> new double[]{logit(p.market()), logit(p.volatility())}).toList(),
                        training.stream().map(Point::yes).toList());
            }
            double[] w = fitted;
            scored.add(c);
            for (Point p : byContract.get(c)) {
                double y = p.yes() ? 1 : 0;
                double blend = Logistic.predict(w, new double[]{logit(p.market()), logit(p.volatility())});
                double[] predictions = {p.market(), p.baseline(), p.volatility(), (p.market() + p.baseline()) / 2, blend};
                int band = 0;
                while (band < BANDS.length - 1 && p.minutes() > BANDS[band]) {
                    band++;
                }
                for (int target : new int[]{band, BANDS.length}) {
                    counts[target]++;
                    contractsPerBand.get(target).add(c);
                    for (int m = 0; m < predictions.length; m++) {
                        sums[target][m] += (predictions[m] - y) * (predictions[m] - y);
                    }
                }
            }
        }
        List<Band> bands = new ArrayList<>();
        for (int b = 0; b <= BANDS.length; b++) {
            double[] brier = new double[MODELS.size()];
            for (int m = 0; m < brier.length; m++) {
                brier[m] = counts[b] == 0 ? Double.NaN : sums[b][m] / counts[b];
            }
            double from = b == BANDS.length || b == 0 ? 0 : BANDS[b - 1];
            double to = b == BANDS.length ? BANDS[BANDS.length - 1] : BANDS[b];
            bands.add(new Band(from, to, counts[b], contractsPerBand.get(b).size(), brier));
        }
        Band all = bands.removeLast();
        bands.removeIf(band -> band.points() == 0);
        return new Result(data.contracts().size(), scored.size(), bands, all);
    }

    private static double logit(double p) {
        double q = Math.min(1 - CLIP, Math.max(CLIP, p));
        return Math.log(q / (1 - q));
    }

    /**
     * Realised variance per minute of the spot over the hour before {@code at}: Σ r² / Σ Δt over consecutive
     * snapshots at most {@link #MAX_GAP_MINUTES} apart (snapshots are irregular); NaN when they cover under
     * {@link #MIN_COVERED_MINUTES} of the hour.
     */
    static double trailingVariance(NavigableMap<Instant, Double> spot, Instant at) {
        double sum = 0;
        double covered = 0;
        Map.Entry<Instant, Double> previous = null;
        for (Map.Entry<Instant, Double> e : spot.subMap(at.minus(1, ChronoUnit.HOURS), true, at, true).entrySet()) {
            if (previous != null) {
                double dt = Duration.between(previous.getKey(), e.getKey()).toMillis() / 60_000.0;
                if (dt > 0 && dt <= MAX_GAP_MINUTES) {
                    double r = Math.log(e.getValue() / previous.getValue());
                    sum += r * r;
                    covered += dt;
                }
            }
            previous = e;
        }
        return covered < MIN_COVERED_MINUTES || sum == 0 ? Double.NaN : sum / covered;
    }

    /** The console report. */
    public static String format(Result r, String source) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "market  %s%n", source));
        b.append(String.format(Locale.ROOT, "  %d settled contracts with a strike and a result; %d scored (the first "
                + "ones only train the blend)%n", r.contracts(), r.scoredContracts()));
        b.append(String.format(Locale.ROOT, "  %-14s %7s %9s", "minutes left", "points", "contracts"));
        for (String m : MODELS) {
            b.append(String.format(Locale.ROOT, " %10s", m));
        }
        b.append(String.format(Locale.ROOT, " %12s%n", "blend/market"));
        List<Band> rows = new ArrayList<>(r.bands());
        rows.add(r.all());
        for (Band band : rows) {
            b.append(String.format(Locale.ROOT, "  %-14s %7d %9d", band == r.all() ? "all"
                    : String.format(Locale.ROOT, "%.0f-%.0f", band.fromMinutes(), band.toMinutes()), band.points(),
                    band.contracts()));
            for (double brier : band.brier()) {
                b.append(String.format(Locale.ROOT, " %10.4f", brier));
            }
            b.append(String.format(Locale.ROOT, " %12.3f%n", band.brier()[4] / band.brier()[0]));
        }
        return b.toString();
    }
}
