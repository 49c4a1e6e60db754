package io.recio.backtest;

import io.recio.ToolCommand;
import io.recio.ToolOptions;
import io.recio.backtest.internal.Backtests;
import io.recio.backtest.internal.Dates;
import io.recio.backtest.internal.History;
import io.recio.backtest.internal.Report;
import io.recio.backtest.internal.Sweep;
import io.recio.feeds.Candle;
import io.recio.feeds.PriceHistory;
import io.recio.market.Symbol;
import io.recio.trading.StrategySettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recio backtest}: replays history through recio's pricing and trading rules and reports, or sweeps settings. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Replay one-minute history (the database's, or a file's) second by second through recio's "
                + "pricing, auto-entry, auto-stop and risk rules against a simulated exchange, and write a report "
                + "(report.html and report.json). With --sweep, backtest a grid of settings in parallel and rank it.",
        footer = {"", "Settings keys (in --settings YAML, nested or dotted, optionally under recio.trading, and in --sweep):",
                "  auto-entry.*, auto-stop.*, risk.*, exit-slippage-cents; see docs/backtest.md.",
                "Example: recio backtest --symbol BTC --from 2025-01-08 --to 2025-01-14 "
                        + "--history btc.csv.gz --sweep auto-entry.min-probability=70,80,90 --walk-forward"})
public final class BacktestCommand implements Callable<Integer>, ToolCommand {

    @Mixin
    ToolOptions tools;

    @Option(names = "--symbol", required = true, paramLabel = "BTC|ETH", description = "The underlying.")
    String symbol;

    @Option(names = "--from", required = true, paramLabel = "DATE",
            description = "First day (UTC, e.g. 2025-01-08) or instant (2025-01-08T12:00:00Z).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE",
            description = "Last day, included (or an instant, excluded).")
    String to;

    @Option(names = "--history", paramLabel = "FILE",
            description = "One-minute candle CSV (plain or .gz) instead of the database's history.")
    Path historyFile;

    @Option(names = "--settings", paramLabel = "FILE", description = "YAML file of strategy settings.")
    Path settingsFile;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the bridge between minute candles (default 1).")
    long seed;

    @Option(names = "--out", defaultValue = "data/backtests", paramLabel = "DIR",
            description = "Where reports go, one directory per run (default data/backtests, where the console lists them).")
    Path out;

    @Option(names = "--sweep", paramLabel = "KEY=V1,V2,...",
            description = "Sweep a setting over values (repeat for a grid).")
    List<String> sweeps = new ArrayList<>();

    @Option(names = "--rank-by", defaultValue = "net_pnl", paramLabel = "METRIC",
            description = "Sweep ranking: net_pnl, sharpe, win_rate, max_drawdown or pnl_per_trade (default net_pnl).")
    String rankBy;

    @Option(names = "--walk-forward", description = "Rank the sweep on the first part of the period, report each row "
            + "on the rest too.")
    boolean walkForward;

    @Option(names = "--split", paramLabel = "DATE",
            description = "Where the walk-forward's second part starts (default: the period's middle day).")
    String split;

    @Option(names = "--threads", paramLabel = "N", description = "Sweep threads (default: the cores).")
    Integer threads;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        Symbol sym;
        Instant start;
        Instant end;
        StrategySettings settings;
        List<Sweep.Axis> axes = new ArrayList<>();
        Sweep.Metric metric;
        try {
            sym = Symbol.parse(symbol);
            start = Dates.parse("--from", from, false);
            end = Dates.parse("--to", to, true);
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("the period is empty: --from " + from + " is after --to " + to);
            }
            settings = settingsFile == null ? StrategySettings.defaults() : Backtests.readSettings(settingsFile);
            for (String s : sweeps) {
                axes.add(Sweep.Axis.parse(s));
            }
            metric = Sweep.Metric.parse(rankBy);
            if (threads != null && threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            }
            if ((walkForward || split != null) && axes.isEmpty()) {
                throw new IllegalArgumentException("--walk-forward and --split need at least one --sweep");
            }
        } catch (IllegalArgumentException e) {
            err.println("recio backtest: " + e.getMessage());
            return 2;
        }
        List<Candle> candles;
        String source;
        try {
            // the HAR model fits its weights on the warm-up: it needs two days and an hour, a week fits them well
            Instant warmFrom = start.minus(Duration.ofDays(7));
            if (historyFile != null) {
                candles = Backtests.readHistory(historyFile, sym);
                source = historyFile.getFileName().toString();
            } else {
                candles = fromDatabase(sym, warmFrom, end);
                source = "database historical_data";
            }
        } catch (IllegalArgumentException e) {
            err.println("recio backtest: " + e.getMessage());
            return 2;
        }
        Backtests.Request request = new Backtests.Request(sym, start, end, candles, source, seed);
        try {
            return axes.isEmpty() ? single(request, settings) : sweep(request, settings, axes, metric);
        } catch (IllegalArgumentException e) {
            err.println();
            err.println("recio backtest: " + e.getMessage());
            return 2;
        }
    }

    private int single(Backtests.Request request, StrategySettings settings) {
        History history = Backtests.history(request);
        warnGaps(history);
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        Report report = Backtests.run(request, settings, f -> progress(System.out, f), Instant.now());
        double took = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.println();
        if (report.data().hoursTraded() == 0) {
            System.err.println("recio backtest: the history holds no whole hour of the period (with the minute after "
                    + "it for settlement), so nothing could be traded");
            return 1;
        }
        Path dir = Backtests.write(out, report);
        Report.Summary s = report.summary();
        System.out.printf(Locale.ROOT, "%s %s → %s: %d hours traded, %d skipped; %,d seconds replayed in %.1f s "
                        + "(%.1f s of CPU)%n", report.symbol(), report.from(), report.to(), report.data().hoursTraded(),
                report.data().hoursSkipped(), report.data().secondsTraded(), took, cpu);
        System.out.printf(Locale.ROOT, "trades %d, win rate %s, gross %s, fees %s, net %s, max drawdown %s, daily Sharpe %s%n",
                s.trades(), s.winRate() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", s.winRate() * 100),
                s.grossPnl().toPlainString(), s.fees().toPlainString(), s.netPnl().toPlainString(),
                s.maxDrawdown().toPlainString(), s.dailySharpe() == null ? "-"
                        : String.format(Locale.ROOT, "%.2f", s.dailySharpe()));
        System.out.printf(Locale.ROOT, "model %s: Brier %s, log loss %s over %,d forecasts%n", report.model(),
                fmt(report.forecasts().brier()), fmt(report.forecasts().logLoss()), report.forecasts().count());
        if (s.trades() == 0) {
            System.out.println("no trade filled: " + whyNoTrades(report));
        }
        System.out.println("report: " + dir.resolve("report.html"));
        return 0;
    }

    private int sweep(Backtests.Request request, StrategySettings base, List<Sweep.Axis> axes, Sweep.Metric metric) {
        List<StrategySettings> rows = Sweep.grid(base, axes);
        History whole = Backtests.history(request);
        warnGaps(whole);
        History chooseOn = whole;
        History testOn = null;
        if (walkForward || split != null) {
            Instant mid = split != null ? Dates.parse("--split", split, false)
                    : request.from().plus(Duration.between(request.from(), request.to()).dividedBy(2))
                    .truncatedTo(java.time.temporal.ChronoUnit.DAYS);
            if (!mid.isAfter(request.from()) || !mid.isBefore(request.to())) {
                throw new IllegalArgumentException("--split " + mid + " must fall inside the period " + request.from()
                        + " .. " + request.to());
            }
            chooseOn = Backtests.history(new Backtests.Request(request.symbol(), request.from(), mid, request.candles(),
                    request.source(), request.seed()));
            testOn = Backtests.history(new Backtests.Request(request.symbol(), mid, request.to(), request.candles(),
                    request.source(), request.seed()));
            System.out.println("walk-forward: ranked on " + request.from() + " .. " + mid + ", tested on " + mid + " .. "
                    + request.to());
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        int total = rows.size();
        List<Sweep.Row> ranked = Sweep.run(axes, rows, chooseOn, testOn, request.source(), request.seed(), metric, n,
                done -> progress(System.out, done / (double) total));
        System.out.println();
        System.out.print(Sweep.table(ranked, metric, testOn != null));
        double took = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "%d settings on %d threads in %.1f s (%.1f s of CPU: %.1f cores busy)%n", total, n,
                took, cpu, cpu / took);
        Path dir = out.resolve(Backtests.class.getSimpleName().toLowerCase(Locale.ROOT) + "-sweep-"
                + request.symbol().name().toLowerCase(Locale.ROOT) + "-" + System.currentTimeMillis());
        try {
            Files.createDirectories(dir);
            List<Sweep.Summary> json = ranked.stream().map(r -> new Sweep.Summary(r.overrides(), r.chosenOn().summary(),
                    r.testedOn() == null ? null : r.testedOn().summary())).toList();
            Files.writeString(dir.resolve("sweep.json"), Backtests.JSON.writeValueAsString(json), StandardCharsets.UTF_8);
            Report best = ranked.getFirst().testedOn() != null ? ranked.getFirst().testedOn() : ranked.getFirst().chosenOn();
            Files.writeString(dir.resolve("sweep.txt"), Sweep.table(ranked, metric, testOn != null), StandardCharsets.UTF_8);
            System.out.println("best row " + ranked.getFirst().overrides() + (testOn != null ? " on the test part" : "")
                    + ": net " + best.summary().netPnl().toPlainString() + "; table: " + dir.resolve("sweep.json"));
        } catch (java.io.IOException e) {
            System.err.println("recio backtest: cannot write the sweep under " + dir + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private List<Candle> fromDatabase(Symbol sym, Instant warmFrom, Instant end) {
        try (ConfigurableApplicationContext context = tools.startContext()) {
            List<Candle> candles = new ArrayList<>();
            context.getBean(PriceHistory.class).forEachCandle(sym, warmFrom, end, candles::add);
            return candles;
        }
    }

    private static void warnGaps(History history) {
        if (!history.gaps().isEmpty()) {
            System.out.printf(Locale.ROOT, "history has %d gaps (%,d minutes missing); their hours are skipped, "
                    + "first: %s .. %s%n", history.gaps().size(), history.missingMinutes(), history.gaps().getFirst().from(),
                    history.gaps().getFirst().to());
        }
    }

    private static String whyNoTrades(Report r) {
        Report.Summary s = r.summary();
        List<String> why = new ArrayList<>();
        if ("false".equals(r.settings().get("auto-entry.enabled"))) {
            why.add("auto-entry.enabled is false");
        }
        if (s.unfilledEntries() > 0) {
            why.add(s.unfilledEntries() + " entries found no fill");
        }
        s.blockedEntries().forEach((k, v) -> why.add(v + " entries blocked: " + k));
        if (s.killSwitchTrips() > 0) {
            why.add("the daily loss limit tripped " + s.killSwitchTrips() + " times");
        }
        if (why.isEmpty()) {
            why.add("no side passed the entry gates (min probability " + r.settings().get("auto-entry.min-probability")
                    + ", min edge " + r.settings().get("auto-entry.min-edge") + ", window "
                    + r.settings().get("auto-entry.min-time-seconds") + "–" + r.settings().get("auto-entry.max-time-seconds")
                    + " s, max ask " + r.settings().get("auto-entry.max-ask") + ")");
        }
        return String.join("; ", why);
    }

    private static String fmt(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.4f", d);
    }

    private static long lastPercent = -1;

    /** Draws a console progress bar on one line (only when the whole percentage moves). */
    static void progress(PrintStream out, double fraction) {
        long percent = Math.round(fraction * 100);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int width = 30;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        out.printf(Locale.ROOT, "\r[%s%s] %3d%%", "#".repeat(filled), " ".repeat(width - filled), percent);
        out.flush();
    }

    /**
     * The CPU time this process has used, in nanoseconds (0 where the JVM cannot tell): on a shared machine the
     * wall time says more about the other work than about the backtest.
     */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }
}
