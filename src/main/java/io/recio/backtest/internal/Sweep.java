package io.recio.backtest.internal;

import io.recio.trading.StrategySettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;

/**
 * A grid of settings backtested in parallel and ranked by one metric. With walk-forward, each row runs on
 * the first part of the period (where the ranking is made) and on the rest (reported beside it), so the
 * best row is judged on data it was not chosen on.
 */
public final class Sweep {

    /** The metrics a sweep ranks by; all but drawdown rank higher first. */
    public enum Metric {
        NET_PNL(r -> r.summary().netPnl().doubleValue()),
        SHARPE(r -> r.summary().dailySharpe() == null ? Double.NEGATIVE_INFINITY : r.summary().dailySharpe()),
        WIN_RATE(r -> r.summary().winRate() == null ? Double.NEGATIVE_INFINITY : r.summary().winRate()),
        MAX_DRAWDOWN(r -> -r.summary().maxDrawdown().doubleValue()),
        PNL_PER_TRADE(r -> r.summary().trades() == 0 ? Double.NEGATIVE_INFINITY
                : r.summary().netPnl().doubleValue() / r.summary().trades());

        private final ToDoubleFunction<Report> score;

        Metric(ToDoubleFunction<Report> score) {
            this.score = score;
        }

        /** The metric's value for ranking (higher is better). */
        public double score(Report r) {
            return score.applyAsDouble(r);
        }

        /** Parses {@code net_pnl}, {@code sharpe}, ... (any case, hyphens allowed). */
        public static Metric parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--rank-by must be one of net_pnl, sharpe, win_rate, max_drawdown, "
                        + "pnl_per_trade, got '" + text + "'");
            }
        }
    }

    /** One swept key and its values. */
    public record Axis(String key, List<String> values) {

        /** Parses {@code key=v1,v2,...}; the key must be a known setting. */
        public static Axis parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new IllegalArgumentException("--sweep must look like key=v1,v2,..., got '" + text + "'");
            }
            String key = StrategySettings.canonicalKey(text.substring(0, eq));
            if (key == null) {
                throw new IllegalArgumentException("--sweep names an unknown setting '" + text.substring(0, eq)
                        + "' (known: " + String.join(", ", StrategySettings.defaults().values().keySet()) + ")");
            }
            List<String> values = List.of(text.substring(eq + 1).split(",")).stream().map(String::trim)
                    .filter(v -> !v.isEmpty()).toList();
            if (values.isEmpty()) {
                throw new IllegalArgumentException("--sweep " + key + " has no values");
            }
            return new Axis(key, values);
        }
    }

    /** One row: its overrides, the run where it was ranked and (with walk-forward) the run after. */
    public record Row(Map<String, String> overrides, Report chosenOn, Report testedOn) {
    }

    private Sweep() {
    }

    /** Every combination of the axes' values, each checked against the base settings. */
    public static List<StrategySettings> grid(StrategySettings base, List<Axis> axes) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Axis axis : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : axis.values()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(axis.key(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<StrategySettings> out = new ArrayList<>();
        for (Map<String, String> c : combos) {
            try {
                out.add(base.with(c));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sweep row " + c + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Runs every row on {@code chooseOn} (and on {@code testOn} when not null) over {@code threads} threads and
     * ranks the rows by {@code metric} on {@code chooseOn}, best first.
     */
    public static List<Row> run(List<Axis> axes, List<StrategySettings> rows, History chooseOn, History testOn,
                                String source, long seed, Metric metric, int threads, IntConsumer rowsDone) {
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Row>> futures = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            for (StrategySettings s : rows) {
                futures.add(pool.submit(() -> {
                    Report chosen = Backtests.run(chooseOn, source, s, seed, now);
                    Report tested = testOn == null ? null : Backtests.run(testOn, source, s, seed, now);
                    rowsDone.accept(done.incrementAndGet());
                    Map<String, String> overrides = new LinkedHashMap<>();
                    axes.forEach(a -> overrides.put(a.key(), s.values().get(a.key())));
                    return new Row(overrides, chosen, tested);
                }));
            }
            List<Row> out = new ArrayList<>();
            for (Future<Row> f : futures) {
                out.add(f.get());
            }
            out.sort(Comparator.comparingDouble((Row r) -> metric.score(r.chosenOn())).reversed());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sweep row failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The ranked table as text. */
    public static String table(List<Row> rows, Metric metric, boolean walkForward) {
        StringBuilder b = new StringBuilder();
        String head = walkForward ? "  (chosen on the first part | tested on the rest)" : "";
        b.append(String.format(Locale.ROOT, "%-4s %-48s %7s %10s %8s %8s%s%n", "rank", "settings", "trades", "net_pnl",
                "win", "sharpe", walkForward ? " |  trades    net_pnl      win   sharpe" : ""));
        int rank = 1;
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%-4d %-48s %s", rank++, r.overrides().toString(), cells(r.chosenOn())));
            if (walkForward) {
                b.append(" | ").append(cells(r.testedOn()));
            }
            b.append('\n');
        }
        b.append("ranked by ").append(metric.name().toLowerCase(Locale.ROOT)).append(head).append('\n');
        return b.toString();
    }

    private static String cells(Report r) {
        Report.Summary s = r.summary();
        return String.format(Locale.ROOT, "%7d %10s %8s %8s", s.trades(), s.netPnl().setScale(2,
                        java.math.RoundingMode.HALF_EVEN).toPlainString(),
                s.winRate() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", s.winRate() * 100),
                s.dailySharpe() == null ? "-" : String.format(Locale.ROOT, "%.2f", s.dailySharpe()));
    }

    /** Rows as JSON-ready records: overrides and the headline figures of each part. */
    public record Summary(Map<String, String> overrides, Report.Summary chosenOn, Report.Summary testedOn) {
    }
}
