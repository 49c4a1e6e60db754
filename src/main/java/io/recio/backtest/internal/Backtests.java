package io.recio.backtest.internal;

import io.recio.feeds.Candle;
import io.recio.feeds.HistoryFile;
import io.recio.market.Symbol;
import io.recio.trading.StrategySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Running a backtest and storing its report: reading settings files and history, the run, report.json and report.html. */
public final class Backtests {

    /** How much history before the period seeds the volatility model. */
    static final Duration WARM_UP = Duration.ofDays(1);

    public static final JsonMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    /** A run's figures, in its directory. */
    public static final String REPORT_JSON = "report.json";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private Backtests() {
    }

    /** What to backtest: a symbol's period, its candles (with warm-up before the period), where they came from. */
    public record Request(Symbol symbol, Instant from, Instant to, List<Candle> candles, String source, long seed) {
    }

    /**
     * Reads a settings file: YAML whose keys (nested or dotted, under {@code recio.trading} or not) are the
     * strategy settings.
     *
     * @throws IllegalArgumentException naming the file and every bad key or value
     */
    public static StrategySettings readSettings(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("settings file " + file + " does not exist or is not readable");
        }
        Object root;
        try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("settings file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (root != null && !(root instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("settings file " + file + " must hold keys and values, not " + root);
        }
        if (root != null) {
            flatten("", (Map<?, ?>) root, values, file);
        }
        try {
            return StrategySettings.of(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("settings file " + file + ":\n" + e.getMessage(), e);
        }
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out, Path file) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, out, file);
            } else if (e.getValue() instanceof java.util.Collection<?>) {
                throw new IllegalArgumentException("settings file " + file + ": " + key
                        + " is a list; each setting takes one value (sweep values go in --sweep)");
            } else {
                out.put(key, String.valueOf(e.getValue()));
            }
        }
    }

    /** The candles of a history file for {@code symbol}. */
    public static List<Candle> readHistory(Path file, Symbol symbol) {
        List<Candle> candles = new ArrayList<>();
        try {
            HistoryFile.read(file, HistoryFile.Mode.STRICT, 60, b -> candles.add(new Candle(symbol, b.start(), b.open(),
                    b.high(), b.low(), b.close(), file.getFileName().toString())), bytes -> { });
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " could not be read: " + e.getMessage(), e);
        }
        if (candles.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no one-minute candle");
        }
        return candles;
    }

    /** Splits the request's candles into the period's runs and gaps; throws when the period holds nothing. */
    public static History history(Request request) {
        return History.of(request.symbol(), request.from(), request.to(), request.candles());
    }

    /** Runs one backtest and builds its report. */
    public static Report run(Request request, StrategySettings settings, DoubleConsumer progress, Instant now) {
        History history = history(request);
        Replay.Result result = new Replay(history, settings, request.seed()).run(progress);
        return Report.of(id(request.symbol(), now), history, request.source(), result, settings.values(),
                request.seed(), now);
    }

    /** Runs one backtest of an already split history (a sweep's row); no report id. */
    static Report run(History history, String source, StrategySettings settings, long seed, Instant now) {
        Replay.Result result = new Replay(history, settings, seed).run(f -> { });
        return Report.of("", history, source, result, settings.values(), seed, now);
    }

    /** A run's id: its symbol and when it was made, e.g. {@code btc-20260130-120000}. */
    static String id(Symbol symbol, Instant now) {
        return symbol.name().toLowerCase(java.util.Locale.ROOT) + "-" + STAMP.format(now);
    }

    /**
     * Writes {@code report.json}, {@code report.html} and the report's stylesheet into {@code dir/<id>}; returns that
     * directory.
     */
    public static Path write(Path dir, Report report) {
        Path run = dir.resolve(report.id());
        try {
            Files.createDirectories(run);
            Files.writeString(run.resolve(REPORT_JSON), JSON.writeValueAsString(report), StandardCharsets.UTF_8);
            Files.writeString(run.resolve("report.html"), Html.render(report), StandardCharsets.UTF_8);
            Files.writeString(run.resolve(Html.STYLESHEET), stylesheet(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report under " + run + ": " + e.getMessage(), e);
        }
        return run;
    }

    /** A stored run's report, read from its {@code report.json}. */
    public static Report read(Path run) {
        return JSON.readValue(run.resolve(REPORT_JSON).toFile(), Report.class);
    }

    /** The report's HTML, the same as {@code report.html}. */
    public static String html(Report report) {
        return Html.render(report);
    }

    /** The stylesheet every report links to ({@code report.css} beside it). */
    public static String stylesheet() {
        try (var in = Backtests.class.getResourceAsStream(Html.STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException("the report stylesheet is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
