package io.recio.feeds.internal;

import io.recio.feeds.Candle;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads one-minute candles from CSV files, plain or gzip: Bitstamp's {@code timestamp,open,high,low,close,volume},
 * Kraken's OHLCVT (with {@code trade_count}), and files with ISO timestamps. Columns are found by header name
 * (a file without a header is read in the Bitstamp/Kraken order); timestamps may be unix seconds, unix
 * milliseconds or ISO date-times in UTC. The bar size is checked on the first rows: a file that is not
 * one-minute bars is refused before anything is read into the store. Bad rows are counted with their line
 * numbers and skipped.
 */
public final class CandleCsvReader {

    /** Bad rows kept word for word in a report; the rest are only counted. */
    static final int MAX_REPORTED_LINES = 20;
    private static final int GRANULARITY_SAMPLE = 50;

    /** A file that cannot be imported at all (unreadable, no usable columns, not one-minute bars). */
    public static final class UnusableFileException extends IllegalArgumentException {
        public UnusableFileException(String message) {
            super(message);
        }
    }

    /** What reading a file found. */
    public record Result(long rows, long badRows, List<String> badLines) {
    }

    private record Columns(int timestamp, int open, int high, int low, int close, int volume) {
        int required() {
            return Math.max(Math.max(Math.max(timestamp, open), Math.max(high, low)), Math.max(close, volume));
        }
    }

    private CandleCsvReader() {
    }

    /**
     * Reads {@code file}, giving every good row to {@code sink} in file order and the count of bytes read so far
     * (of the file as stored, compressed or not) to {@code progress}.
     */
    public static Result read(Path file, Symbol symbol, String source, Consumer<CandleRow> sink, LongConsumer progress)
            throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UnusableFileException(file + " does not exist or is not a readable file");
        }
        try (CountingStream counting = new CountingStream(Files.newInputStream(file));
             BufferedReader in = new BufferedReader(new InputStreamReader(
                     isGzip(file) ? new GZIPInputStream(counting, 1 << 16) : counting, StandardCharsets.UTF_8),
                     1 << 16)) {
            return new Parse(file, symbol, source, sink, progress, counting).run(in);
        }
    }

    private static boolean isGzip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private static final class Parse {
        private final Path file;
        private final Symbol symbol;
        private final String source;
        private final Consumer<CandleRow> sink;
        private final LongConsumer progress;
        private final CountingStream counting;
        private final List<String> badLines = new ArrayList<>();
        private long rows;
        private long bad;

        Parse(Path file, Symbol symbol, String source, Consumer<CandleRow> sink, LongConsumer progress,
              CountingStream counting) {
            this.file = file;
            this.symbol = symbol;
            this.source = source;
            this.sink = sink;
            this.progress = progress;
            this.counting = counting;
        }

        Result run(BufferedReader in) throws IOException {
            String first = in.readLine();
            if (first == null) {
                throw new UnusableFileException(file + " is empty");
            }
            first = first.replace("\uFEFF", "").trim();
            long lineNumber = 1;
            Columns columns;
            String firstData = null;
            if (startsWithDigit(first)) {
                columns = new Columns(0, 1, 2, 3, 4, 5);
                firstData = first;
            } else {
                columns = columns(first);
            }
            // Read a sample first: the bar size must be known before a single candle is stored.
            List<CandleRow> sample = new ArrayList<>();
            List<Long> sampleTimes = new ArrayList<>();
            String line = firstData != null ? firstData : in.readLine();
            long number = firstData != null ? 1 : 2;
            while (line != null) {
                lineNumber = number;
                if (!line.isBlank()) {
                    CandleRow row = row(line.split(",", -1), columns, number);
                    if (row != null) {
                        sample.add(row);
                        sampleTimes.add(row.candle().start().getEpochSecond());
                    }
                }
                if (sample.size() >= GRANULARITY_SAMPLE) {
                    break;
                }
                line = in.readLine();
                number++;
            }
            checkOneMinute(sampleTimes);
            for (CandleRow row : sample) {
                accept(row);
            }
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                CandleRow row = row(line.split(",", -1), columns, lineNumber);
                if (row != null) {
                    accept(row);
                }
                if ((lineNumber & 1023) == 0) {
                    progress.accept(counting.count);
                }
            }
            progress.accept(counting.count);
            return new Result(rows, bad, List.copyOf(badLines));
        }

        private void accept(CandleRow row) {
            rows++;
            sink.accept(row);
        }

        private Columns columns(String header) {
            Map<String, Integer> index = new HashMap<>();
            String[] names = header.split(",", -1);
            for (int i = 0; i < names.length; i++) {
                index.putIfAbsent(names[i].trim().toLowerCase(Locale.ROOT), i);
            }
            int timestamp = firstOf(index, "timestamp", "time", "date", "datetime");
            int open = firstOf(index, "open");
            int high = firstOf(index, "high");
            int low = firstOf(index, "low");
            int close = firstOf(index, "close");
            int volume = firstOf(index, "volume");
            List<String> missing = new ArrayList<>();
            if (timestamp < 0) {
                missing.add("timestamp");
            }
            if (open < 0) {
                missing.add("open");
            }
            if (high < 0) {
                missing.add("high");
            }
            if (low < 0) {
                missing.add("low");
            }
            if (close < 0) {
                missing.add("close");
            }
            if (!missing.isEmpty()) {
                throw new UnusableFileException(file + ": header '" + header + "' has no column " + missing
                        + "; expected timestamp,open,high,low,close[,volume[,trade_count]]");
            }
            return new Columns(timestamp, open, high, low, close, volume);
        }

        private static int firstOf(Map<String, Integer> index, String... names) {
            for (String n : names) {
                Integer i = index.get(n);
                if (i != null) {
                    return i;
                }
            }
            return -1;
        }

        private void checkOneMinute(List<Long> times) {
            if (times.isEmpty()) {
                throw new UnusableFileException(file + " has no readable candle in its first rows (" + bad
                        + " bad rows: " + String.join("; ", badLines) + ")");
            }
            long step = Long.MAX_VALUE;
            for (int i = 1; i < times.size(); i++) {
                long d = times.get(i) - times.get(i - 1);
                if (d > 0) {
                    step = Math.min(step, d);
                }
            }
            if (step != Long.MAX_VALUE && step != 60) {
                throw new UnusableFileException(file + " holds " + describe(step) + " bars; only one-minute candles"
                        + " can be imported into historical_data.candle_1m");
            }
        }

        private static String describe(long seconds) {
            if (seconds % 86_400 == 0) {
                return (seconds / 86_400) + "-day";
            }
            if (seconds % 3600 == 0) {
                return (seconds / 3600) + "-hour";
            }
            if (seconds % 60 == 0) {
                return (seconds / 60) + "-minute";
            }
            return seconds + "-second";
        }

        /** The candle of one line, or null (counted as bad) when the line is not a valid candle. */
        private CandleRow row(String[] fields, Columns c, long lineNumber) {
            try {
                if (fields.length <= c.required()) {
                    throw new IllegalArgumentException("has " + fields.length + " fields, expected at least "
                            + (c.required() + 1));
                }
                Instant start = timestamp(fields[c.timestamp()].trim());
                if (start.getEpochSecond() % 60 != 0) {
                    throw new IllegalArgumentException("timestamp " + start + " is not on a whole minute");
                }
                SpotPrice open = price(fields[c.open()], "open");
                SpotPrice high = price(fields[c.high()], "high");
                SpotPrice low = price(fields[c.low()], "low");
                SpotPrice close = price(fields[c.close()], "close");
                if (low.compareTo(high) > 0) {
                    throw new IllegalArgumentException("low " + low + " is above high " + high);
                }
                for (SpotPrice p : List.of(open, close)) {
                    if (p.compareTo(low) < 0 || p.compareTo(high) > 0) {
                        throw new IllegalArgumentException("open/close " + p + " outside low " + low + " .. high " + high);
                    }
                }
                BigDecimal volume = null;
                if (c.volume() >= 0 && !fields[c.volume()].isBlank()) {
                    volume = new BigDecimal(fields[c.volume()].trim());
                    if (volume.signum() < 0) {
                        throw new IllegalArgumentException("volume " + volume + " is negative");
                    }
                    volume = volume.setScale(8, RoundingMode.HALF_UP);
                }
                return new CandleRow(new Candle(symbol, start, open, high, low, close, source), volume);
            } catch (RuntimeException e) {
                bad++;
                if (badLines.size() < MAX_REPORTED_LINES) {
                    badLines.add("line " + lineNumber + ": " + e.getMessage());
                }
                return null;
            }
        }

        private static Instant timestamp(String text) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("timestamp is empty");
            }
            if (text.chars().allMatch(Character::isDigit)) {
                long value = Long.parseLong(text);
                // Unix seconds are ten digits today; thirteen digits are milliseconds.
                return value >= 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            }
            try {
                if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                    return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
                }
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("timestamp '" + text + "' is neither unix seconds nor an ISO date-time");
            }
        }

        /** File prices may carry more decimals than $0.0001; they are rounded half-up, exactly, without a double. */
        private static SpotPrice price(String text, String column) {
            BigDecimal value;
            try {
                value = new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " '" + text + "' is not a decimal number");
            }
            if (value.signum() <= 0) {
                throw new IllegalArgumentException(column + " " + text + " is not positive");
            }
            return new SpotPrice(value.setScale(SpotPrice.SCALE, RoundingMode.HALF_UP).unscaledValue().longValueExact());
        }

        private static boolean startsWithDigit(String line) {
            return !line.isEmpty() && Character.isDigit(line.charAt(0));
        }
    }

    /** Counts the bytes read from the file as stored, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
