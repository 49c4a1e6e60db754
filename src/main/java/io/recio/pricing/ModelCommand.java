package io.recio.pricing;

import io.recio.ToolCommand;
import io.recio.ToolOptions;
import io.recio.ToolRun;
import io.recio.feeds.HistoryFile;
import io.recio.market.Symbol;
import io.recio.pricing.internal.ModelBuilds;
import io.recio.pricing.internal.PricingProperties;
import io.recio.pricing.internal.RecordedMarkets;
import io.recio.pricing.internal.eval.Evaluation;
import io.recio.pricing.internal.eval.MarketEvaluation;
import io.recio.pricing.internal.eval.MarketHistory;
import io.recio.pricing.internal.eval.ReliabilityChart;
import io.recio.pricing.internal.model.MinuteSeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recio model build|evaluate}: builds the model tables from history, or scores every model on held-out files. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Build the probability models from the price history, or evaluate them on held-out data.",
        subcommands = {ModelCommand.Build.class, ModelCommand.Evaluate.class})
public final class ModelCommand implements Runnable, ToolCommand {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Draws a console progress bar on one line. */
    static void progress(PrintWriter out, String label, double fraction) {
        int width = 30;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        out.printf(Locale.ROOT, "\r%-4s [%s%s] %3d%%", label, "#".repeat(filled), " ".repeat(width - filled),
                Math.round(fraction * 100));
        out.flush();
    }

    /** {@code recio model build}. */
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build the fingerprint tables, the volatility fit and the HAR weights from the one-minute history in the "
                    + "database into the analytics schema (recio also rebuilds them weekly).")
    static final class Build implements Callable<Integer> {

        @Mixin
        ToolOptions tools;

        @Option(names = "--symbol", paramLabel = "SYMBOL", description = "BTC or ETH (default: both).")
        String symbol;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ToolRun run = ToolRun.of(spec, RuntimeException.class);
            List<Symbol> symbols;
            try {
                symbols = symbol == null ? List.of(Symbol.values()) : List.of(Symbol.parse(symbol));
            } catch (IllegalArgumentException e) {
                return run.fail(2, e.getMessage());
            }
            return run.inContext(tools, (context, out) -> {
                ModelBuilds builds = context.getBean(ModelBuilds.class);
                int built = 0;
                for (Symbol s : symbols) {
                    boolean[] drawn = {false};
                    ModelBuilds.Report r = builds.build(s, f -> {
                        drawn[0] = true;
                        progress(out, s.name(), f);
                    });
                    if (drawn[0]) {
                        out.println();
                    }
                    if (r.built()) {
                        built++;
                        out.printf(Locale.ROOT, "%s: built from %,d candles (%s .. %s), %,d one-minute moves, "
                                        + "volatility %s, HAR weights 15/60/360/1440 min %s, in %.1f s%n", s,
                                r.candles(), r.from(), r.to(), r.samples(),
                                r.volatility() == null ? "not fitted" : String.format(Locale.ROOT,
                                        "%.3g per sqrt(s), Student-t nu %.2f", r.volatility().sigmaPerSecond(),
                                        r.volatility().nu()),
                                r.har() == null ? "not fitted (needs two days and an hour of history)"
                                        : Evaluation.weights(r.har().weights()), r.took().toMillis() / 1000.0);
                    } else {
                        out.println(s + ": not built: " + r.message());
                    }
                }
                return built > 0 ? 0 : 1;
            });
        }
    }

    /** {@code recio model evaluate}. */
    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Score every model on the last days of one-minute history files they were not built from: "
                    + "Brier score, log loss, a reliability table, and a reliability chart (SVG).")
    static final class Evaluate implements Callable<Integer> {

        /** Contracts the market-informed blend is fitted on before it predicts. */
        private static final int MIN_TRAINING_CONTRACTS = 8;

        @Option(names = "--btc-file", paramLabel = "FILE", description = "One-minute BTC/USD CSV (.csv or .csv.gz).")
        Path btcFile;

        @Option(names = "--eth-file", paramLabel = "FILE", description = "One-minute ETH/USD CSV (.csv or .csv.gz).")
        Path ethFile;

        @Option(names = "--holdout-days", defaultValue = "7", description = "Days per walk-forward fold (default 7).")
        int holdoutDays;

        @Option(names = "--folds", defaultValue = "3",
                description = "Walk-forward folds at the end of each file, each predicted by models built from all "
                        + "history before it (default 3).")
        int folds;

        @Option(names = "--btc-strike-step", defaultValue = "250", description = "BTC strike spacing in $ (default 250).")
        double btcStep;

        @Option(names = "--eth-strike-step", defaultValue = "20", description = "ETH strike spacing in $ (default 20).")
        double ethStep;

        @Option(names = "--kalshi-snapshots", paramLabel = "FILE",
                description = "Kalshi 15-minute book snapshots (JSON lines with ticker, ts, mid, spot; .gz fine): score "
                        + "the market's own prices beside the models and a market-informed blend, by minutes to close.")
        Path kalshiSnapshots;

        @Option(names = "--market-file", paramLabel = "FILE",
                description = "Recorded Kalshi prices of settled contracts: CSV with ticker,time,yes_price,result "
                        + "(hourly threshold or 15-minute tickers); needs --spot-file.")
        Path marketFile;

        @Option(names = "--spot-file", paramLabel = "FILE",
                description = "One-minute spot history beside --market-file (any layout the history reader takes).")
        Path spotFile;

        @Option(names = "--kalshi-symbol", defaultValue = "ETH", description = "The underlying of the Kalshi prices (default ETH).")
        String kalshiSymbol;

        @Option(names = "--market-from-database",
                description = "Score the Kalshi quotes recio recorded (live_data.market_quote) of both symbols' settled "
                        + "hourly threshold markets against the spot it logged, as --market-file does (the database of "
                        + "--config, or the demo's).")
        boolean marketFromDatabase;

        @Mixin
        ToolOptions tools;

        @Option(names = "--lenient", description = "Skip bad rows of the files instead of refusing the file.")
        boolean lenient;

        @Option(names = "--chart-dir", defaultValue = ".", paramLabel = "DIR",
                description = "Where the reliability charts go: reliability_<symbol>.svg (default: current directory).")
        Path chartDir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ToolRun run = ToolRun.of(spec);
            Map<Symbol, Path> files = new LinkedHashMap<>();
            if (btcFile != null) {
                files.put(Symbol.BTC, btcFile);
            }
            if (ethFile != null) {
                files.put(Symbol.ETH, ethFile);
            }
            if (marketFile != null && spotFile == null) {
                return run.fail(2, "--market-file needs --spot-file (the spot beside the prices)");
            }
            if (files.isEmpty() && kalshiSnapshots == null && marketFile == null && !marketFromDatabase) {
                return run.fail(2, "name at least one file with --btc-file, --eth-file or "
                        + "--kalshi-snapshots, or --market-from-database");
            }
            if (folds < 1) {
                return run.fail(2, "--folds must be at least 1, got " + folds);
            }
            if (holdoutDays < 1) {
                return run.fail(2, "--holdout-days must be at least 1, got " + holdoutDays);
            }
            int failures = 0;
            for (Map.Entry<Symbol, Path> e : files.entrySet()) {
                try {
                    MinuteSeries series = MinuteSeries.read(e.getValue(),
                            lenient ? HistoryFile.Mode.LENIENT : HistoryFile.Mode.STRICT);
                    Evaluation.Settings settings = new Evaluation.Settings(holdoutDays, folds,
                            e.getKey() == Symbol.BTC ? btcStep : ethStep,
                            Double.parseDouble(PricingProperties.Fingerprint.DEFAULT_YEARLY_DECAY),
                            Integer.parseInt(PricingProperties.Fingerprint.DEFAULT_MIN_SAMPLES),
                            Double.parseDouble(PricingProperties.Volatility.DEFAULT_HISTORY_HALF_LIFE_MINUTES),
                            Double.parseDouble(PricingProperties.Volatility.DEFAULT_FLOOR_FRACTION));
                    Evaluation.Result result = Evaluation.run(e.getKey(), series, settings);
                    System.out.print(Evaluation.format(result, e.getValue().getFileName().toString()));
                    System.out.println("  lowest Brier: " + Evaluation.better(result));
                    Files.createDirectories(chartDir);
                    Path chart = chartDir.resolve("reliability_" + e.getKey().name().toLowerCase(Locale.ROOT) + ".svg");
                    Files.writeString(chart, ReliabilityChart.svg(result), StandardCharsets.UTF_8);
                    System.out.println("  reliability chart: " + chart);
                    System.out.println();
                } catch (IllegalArgumentException | IOException ex) {
                    failures += run.fail(1, ex.getMessage());
                }
            }
            for (Path market : java.util.Arrays.asList(kalshiSnapshots, marketFile)) {
                if (market == null) {
                    continue;
                }
                try {
                    MarketHistory.Data data = market == kalshiSnapshots ? MarketHistory.readSnapshots(market)
                            : MarketHistory.readQuotes(market, spotFile);
                    MarketEvaluation.Result result = MarketEvaluation.run(Symbol.parse(kalshiSymbol), data,
                            MIN_TRAINING_CONTRACTS);
                    System.out.print(MarketEvaluation.format(result, market.getFileName().toString()));
                } catch (IllegalArgumentException | IOException ex) {
                    failures += run.fail(1, ex.getMessage());
                }
            }
            if (marketFromDatabase) {
                failures += run.inContext(tools, this::scoreRecordedQuotes);
            }
            return failures == 0 ? 0 : 1;
        }

        /** Scores the recorded quotes of each symbol. */
        private int scoreRecordedQuotes(ConfigurableApplicationContext context, PrintWriter out) {
            RecordedMarkets recorded = context.getBean(RecordedMarkets.class);
            for (Symbol symbol : Symbol.values()) {
                MarketHistory.Data data = recorded.load(symbol);
                String source = "live_data.market_quote " + symbol;
                if (data.contracts().isEmpty()) {
                    out.printf(Locale.ROOT, "market  %s%n  no settled hourly threshold market with recorded "
                            + "two-sided quotes and the logged spot of its final minute (%d markets recorded)%n",
                            source, data.tickers());
                    continue;
                }
                out.print(MarketEvaluation.format(MarketEvaluation.run(symbol, data, MIN_TRAINING_CONTRACTS), source));
            }
            return 0;
        }
    }
}
