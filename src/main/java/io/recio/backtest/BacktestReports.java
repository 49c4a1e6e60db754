package io.recio.backtest;

import io.recio.RecioProperties;
import io.recio.backtest.internal.Backtests;
import io.recio.backtest.internal.Report;
import io.recio.trading.StrategySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The backtest reports stored under the data directory ({@code <data-dir>/backtests/<run>/}, where
 * {@code recio backtest} writes them by default), for the console: the runs newest first, and each run's HTML
 * report, JSON figures and stylesheet. A run's summary is read once and kept until its {@code report.json} changes.
 */
@Component
public class BacktestReports {

    /** A run id as {@code recio backtest} names its directories; nothing else (no path) is looked up. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    private final Path dir;
    private final Map<String, Summary> summaries = new ConcurrentHashMap<>();

    private record Summary(long modified, long size, BacktestRun run) {
    }

    public BacktestReports(RecioProperties properties) {
        this.dir = properties.dataDir().resolve("backtests");
    }

    /** Where the runs are stored. */
    public Path directory() {
        return dir;
    }

    /** Every readable stored run, newest first; a half-written or foreign directory is left out. */
    public List<BacktestRun> runs() {
        List<BacktestRun> runs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return runs;
        }
        try (var entries = Files.list(dir)) {
            for (Path run : entries.toList()) {
                String id = run.getFileName().toString();
                Path json = run.resolve(Backtests.REPORT_JSON);
                if (!ID.matcher(id).matches() || !Files.isRegularFile(json)) {
                    continue;
                }
                summary(id, json).ifPresent(runs::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the backtests in " + dir + ": " + e.getMessage(), e);
        }
        summaries.keySet().retainAll(runs.stream().map(BacktestRun::id).toList());
        runs.sort(Comparator.comparing(BacktestRun::createdAt).reversed().thenComparing(BacktestRun::id));
        return runs;
    }

    /** A run's report as HTML (it links {@code report.css} beside it; no script, no inline style). */
    public Optional<String> html(String id) {
        return report(id).map(Backtests::html);
    }

    /** A run's {@code report.json}. */
    public Optional<Path> json(String id) {
        return run(id).map(run -> run.resolve(Backtests.REPORT_JSON));
    }

    /** The stylesheet of every report. */
    public String stylesheet() {
        return Backtests.stylesheet();
    }

    private Optional<Path> run(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path run = dir.resolve(id);
        return Files.isRegularFile(run.resolve(Backtests.REPORT_JSON)) ? Optional.of(run) : Optional.empty();
    }

    private Optional<Report> report(String id) {
        return run(id).flatMap(run -> {
            try {
                return Optional.of(Backtests.read(run));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        });
    }

    private Optional<BacktestRun> summary(String id, Path json) throws IOException {
        long modified = Files.getLastModifiedTime(json).toMillis();
        long size = Files.size(json);
        Summary known = summaries.get(id);
        if (known != null && known.modified() == modified && known.size() == size) {
            return Optional.of(known.run());
        }
        Report r;
        try {
            r = Backtests.read(json.getParent());
        } catch (RuntimeException unreadable) {
            // a report from another version, or one still being written: not listed
            return Optional.empty();
        }
        BacktestRun run = new BacktestRun(id, r.symbol(), r.from(), r.to(), r.createdAt(), changedSettings(r.settings()),
                r.summary().trades(), r.summary().netPnl(), r.summary().winRate(), r.forecasts().brier(),
                r.data().hoursTraded(), r.history());
        summaries.put(id, new Summary(modified, size, run));
        return Optional.of(run);
    }

    /** The settings that differ from the defaults, {@code key=value} joined by commas. */
    static String changedSettings(Map<String, String> settings) {
        Map<String, String> defaults = StrategySettings.defaults().values();
        return settings.entrySet().stream().filter(e -> !e.getValue().equals(defaults.get(e.getKey())))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
