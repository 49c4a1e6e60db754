package io.recio.feeds;

import io.recio.ToolCommand;
import io.recio.ToolOptions;
import io.recio.ToolRun;
import io.recio.feeds.internal.ConsoleProgress;
import io.recio.feeds.internal.HistoryImport;
import io.recio.market.Symbol;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recio history}: fills {@code historical_data} with one-minute candles from files or Coinbase. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Import one-minute BTC/ETH candles into the price history.",
        subcommands = {History.Import.class, History.Fetch.class})
public final class History implements Callable<Integer>, ToolCommand {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** Converts BTC, eth, BTC-USD ... with {@link Symbol#parse}'s message on failure. */
    static final class SymbolConverter implements ITypeConverter<Symbol> {
        @Override
        public Symbol convert(String value) {
            return Symbol.parse(value);
        }
    }

    /** {@code recio history import FILE --symbol BTC}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a CSV file (plain or .gz) of one-minute candles: timestamp,open,high,low,close"
                    + "[,volume,...] (headers in any case, or none in Kraken's OHLCVT order) with unix or ISO "
                    + "timestamps. Bad rows are skipped and listed unless --strict. Re-importing skips stored minutes.")
    static final class Import implements Callable<Integer> {
        @Mixin
        ToolOptions tool;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The CSV file.")
        Path file;

        @Option(names = "--symbol", required = true, converter = SymbolConverter.class, description = "BTC or ETH.")
        Symbol symbol;

        @Option(names = "--strict", description = "Refuse the whole file at its first bad row instead of skipping it.")
        boolean strict;

        @Override
        public Integer call() {
            return ToolRun.of(spec, HistoryFile.UnreadableFileException.class).inContext(tool, (context, out) -> {
                HistoryImport.Report report = context.getBean(HistoryImport.class).importFile(file, symbol,
                        strict ? HistoryFile.Mode.STRICT : HistoryFile.Mode.LENIENT,
                        new ConsoleProgress(System.err, "importing " + file.getFileName()));
                out.println(report.summary());
                return 0;
            });
        }
    }

    /** {@code recio history fetch --symbol BTC --days N}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Fetch the last N days of one-minute candles from Coinbase's public candles endpoint "
                    + "(300 per request, paced below the rate limit). Re-fetching skips stored minutes.")
    static final class Fetch implements Callable<Integer> {
        @Mixin
        ToolOptions tool;

        @Spec
        CommandSpec spec;

        @Option(names = "--symbol", required = true, converter = SymbolConverter.class, description = "BTC or ETH.")
        Symbol symbol;

        @Option(names = "--days", required = true, description = "Days back from now (1 to 3650).")
        int days;

        @Override
        public Integer call() {
            ToolRun run = ToolRun.of(spec, java.io.IOException.class);
            if (days < 1 || days > 3650) {
                return run.fail(2, "--days must be between 1 and 3650, got " + days);
            }
            return run.inContext(tool, (context, out) -> {
                HistoryImport.Report report = context.getBean(HistoryImport.class).fetchCoinbase(symbol, days,
                        new ConsoleProgress(System.err, "fetching " + symbol.coinbaseProduct()));
                out.println(report.summary());
                return 0;
            });
        }
    }
}
