package io.recio.feeds.internal;

import io.recio.feeds.Candle;
import io.recio.feeds.HistoryFile;
import io.recio.market.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Fills {@code historical_data} with one-minute candles from CSV files and from Coinbase's candles endpoint.
 * Idempotent: a minute already stored is kept and counted as such, so an import can be repeated or resumed.
 */
@Service
public class HistoryImport {

    private static final int BATCH = 2000;

    /** What an import did. */
    public record Report(String what, Symbol symbol, long rows, long inserted, long badRows, List<String> badLines) {

        /** Rows that were valid but already stored. */
        public long alreadyStored() {
            return rows - inserted;
        }

        /** A human summary, as the CLI prints it. */
        public String summary() {
            StringBuilder s = new StringBuilder();
            s.append(what).append(" (").append(symbol).append("): ").append(rows).append(" candles read, ")
                    .append(inserted).append(" new, ").append(alreadyStored()).append(" already stored, ")
                    .append(badRows).append(" bad rows skipped");
            for (String line : badLines) {
                s.append(System.lineSeparator()).append("  ").append(line);
            }
            if (badRows > badLines.size()) {
                s.append(System.lineSeparator()).append("  ... and ").append(badRows - badLines.size()).append(" more");
            }
            return s.toString();
        }
    }

    private final CandleStore store;
    private final FeedsProperties properties;
    private final Clock clock;

    public HistoryImport(CandleStore store, FeedsProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Imports a CSV file (plain or .gz) of one-minute candles of {@code symbol}; in {@link HistoryFile.Mode#STRICT}
     * mode a bad row refuses the file, in lenient mode it is skipped and reported.
     */
    public Report importFile(Path file, Symbol symbol, HistoryFile.Mode mode, Progress progress) throws IOException {
        long size = Files.isRegularFile(file) ? Files.size(file) : 0;
        Batcher batcher = new Batcher();
        String source = file.getFileName().toString();
        HistoryFile.Summary result;
        try {
            result = HistoryFile.read(file, mode, 60, bar -> batcher.add(new CandleRow(new Candle(symbol, bar.start(),
                    bar.open(), bar.high(), bar.low(), bar.close(), source), bar.volume())),
                    bytes -> progress.update(bytes, size));
            batcher.flush();
        } finally {
            progress.finish();
        }
        return new Report(file.getFileName().toString(), symbol, result.rows(), batcher.inserted, result.badRows(),
                result.badLines());
    }

    /** Fetches the last {@code days} days of one-minute candles of {@code symbol} from Coinbase. */
    public Report fetchCoinbase(Symbol symbol, int days, Progress progress) throws IOException, InterruptedException {
        if (days < 1 || days > 3650) {
            throw new IllegalArgumentException("--days must be between 1 and 3650, got " + days);
        }
        Instant to = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant from = to.minus(Duration.ofDays(days));
        CoinbaseCandles candles = new CoinbaseCandles(properties.coinbaseRestUrl(), properties.restRequestsPerSecond());
        long pages = CoinbaseCandles.pages(from, to);
        Batcher batcher = new Batcher();
        long[] done = {0, 0, 0};
        try {
            candles.fetch(symbol, from, to, page -> {
                page.candles().forEach(batcher::add);
                batcher.flush();
                done[0]++;
                done[1] += page.candles().size();
                done[2] += page.badBuckets();
                progress.update(done[0], pages);
            });
        } finally {
            progress.finish();
        }
        return new Report("coinbase " + symbol.coinbaseProduct() + " " + from + " .. " + to, symbol, done[1],
                batcher.inserted, done[2], List.of());
    }

    /** Collects candles into batches for the store. */
    private final class Batcher {
        private final List<CandleRow> batch = new ArrayList<>(BATCH);
        long inserted;

        void add(CandleRow row) {
            batch.add(row);
            if (batch.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            inserted += store.insert(batch);
            batch.clear();
        }
    }
}
