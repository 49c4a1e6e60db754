package io.recio.feeds;

import io.recio.feeds.internal.CandleCsvReader;
import io.recio.market.Symbol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One-minute candle files read as {@code recio history import} reads them, for tools that do not store them. */
public final class CandleFiles {

    private CandleFiles() {
    }

    /**
     * The good rows of a candle CSV (plain or gzip), in file order.
     *
     * @throws IllegalArgumentException naming the file (and its bad lines) when it cannot be used
     */
    public static List<Candle> read(Path file, Symbol symbol) {
        List<Candle> candles = new ArrayList<>();
        try {
            CandleCsvReader.Result r = CandleCsvReader.read(file, symbol, file.getFileName().toString(),
                    row -> candles.add(row.candle()), bytes -> { });
            if (candles.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no usable candle"
                        + (r.badLines().isEmpty() ? "" : ": " + String.join("; ", r.badLines())));
            }
            return candles;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " could not be read: " + e.getMessage(), e);
        }
    }
}
