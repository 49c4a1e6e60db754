package io.recio.feeds;

import io.recio.market.SpotPrice;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * The one reader of downloaded OHLC price-history files (history import, model evaluation, backtests), plain
 * or gzip: columns found by header name in any case ({@code timestamp}/{@code open_time}/{@code Date}/...,
 * {@code open}, {@code high}, {@code low}, {@code close}; extra columns ignored) or, without a header, in
 * Kraken's OHLCVT order; timestamps in unix seconds, milliseconds or microseconds, or ISO date-times with
 * {@code T} or a space and any offset (none means UTC). {@link Mode#STRICT} refuses the file at its first bad
 * row with one message naming the line and what was expected; {@link Mode#LENIENT} skips bad rows and
 * reports them.
 */
public final class HistoryFile {

    /** Bad rows kept word for word in a lenient summary; the rest are only counted. */
    public static final int MAX_REPORTED_LINES = 20;
    /** What every row must hold, for messages. */
    static final String EXPECTED = "timestamp,open,high,low,close[,volume,...]";
    private static final int BAR_SAMPLE = 50;

    /** How bad rows are treated. */
    public enum Mode {
        /** The first bad row makes the whole file unreadable. */
        STRICT,
        /** Bad rows are skipped, counted and the first {@link #MAX_REPORTED_LINES} quoted. */
        LENIENT
    }

    /** A file that cannot be read at all: missing, no usable columns, the wrong bar size, or a bad row in strict mode. */
    public static final class UnreadableFileException extends IllegalArgumentException {
        public UnreadableFileException(String message) {
            super(message);
        }
    }

    /**
     * One bar of a file.
     *
     * @param start  the bar's open time
     * @param volume the traded volume when the file has it (8 decimals), else null
     */
    public record Bar(Instant start, SpotPrice open, SpotPrice high, SpotPrice low, SpotPrice close, BigDecimal volume) {
    }

    /** What reading a file found: good rows, bad rows skipped (lenient mode) and the bar length in seconds. */
    public record Summary(long rows, long badRows, List<String> badLines, long barSeconds) {
    }

    private record Columns(int timestamp, int open, int high, int low, int close, int volume) {
        int required() {
            return Math.max(Math.max(Math.max(timestamp, open), Math.max(high, low)), close);
        }
    }

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private HistoryFile() {
    }

    /**
     * Reads {@code file}, giving every good bar to {@code sink} in file order and the bytes read so far (of the file
     * as stored) to {@code progress}. With {@code barSeconds} &gt; 0 a file of another bar length is refused before
     * any bar reaches the sink; 0 accepts any bar length (the summary names it).
     */
    public static Summary read(Path file, Mode mode, long barSeconds, Consumer<Bar> sink, LongConsumer progress)
            throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UnreadableFileException(file + " does not exist or is not a readable file");
        }
        try (CountingStream counting = new CountingStream(Files.newInputStream(file));
             BufferedReader in = new BufferedReader(new InputStreamReader(
                     isGzip(file) ? new GZIPInputStream(counting, 1 << 16) : counting, StandardCharsets.UTF_8),
                     1 << 16)) {
            return new Parse(file, mode, barSeconds, sink, progress, counting).run(in);
        }
    }

    /** Reads the whole file into a list (see {@link #read(Path, Mode, long, Consumer, LongConsumer)}). */
    public static List<Bar> readAll(Path file, Mode mode, long barSeconds) throws IOException {
        List<Bar> bars = new ArrayList<>();
        read(file, mode, barSeconds, bars::add, bytes -> { });
        return bars;
    }

    /** A bar length in words: "1-minute", "2-hour", "1-day". */
    public static String describeBar(long seconds) {
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

    private static boolean isGzip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private static final class Parse {
        private final Path file;
        private final Mode mode;
        private final long requiredBar;
        private final Consumer<Bar> sink;
        private final LongConsumer progress;
        private final CountingStream counting;
        private final List<String> badLines = new ArrayList<>();
        private String delimiter = ",";
        private Instant previous;
        private long rows;
        private long bad;

        Parse(Path file, Mode mode, long requiredBar, Consumer<Bar> sink, LongConsumer progress,
              CountingStream counting) {
            this.file = file;
            this.mode = mode;
            this.requiredBar = requiredBar;
            this.sink = sink;
            this.progress = progress;
            this.counting = counting;
        }

        Summary run(BufferedReader in) throws IOException {
            String first = in.readLine();
            while (first != null && first.isBlank()) {
                first = in.readLine();
            }
            if (first == null) {
                throw new UnreadableFileException(file + " is empty; expected a header or rows of " + EXPECTED);
            }
            first = first.replace("\uFEFF", "").trim();
            delimiter = first.contains(",") ? "," : first.contains(";") ? ";" : "\t";
            Columns columns;
            String firstData = null;
            if (startsWithDigit(unquote(first))) {
                columns = new Columns(0, 1, 2, 3, 4, 5);
                firstData = first;
            } else {
                columns = columns(first);
            }
            // A sample first: the bar length must be known before a single bar reaches the sink.
            List<Bar> sample = new ArrayList<>();
            long number = firstData != null ? 1 : 2;
            String line = firstData != null ? firstData : in.readLine();
            while (line != null) {
                if (!line.isBlank()) {
                    Bar bar = row(line, columns, number);
                    if (bar != null) {
                        sample.add(bar);
                    }
                }
                if (sample.size() >= BAR_SAMPLE) {
                    break;
                }
                line = in.readLine();
                number++;
            }
            long barSeconds = barLength(sample);
            sample.forEach(this::accept);
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    Bar bar = row(line, columns, number);
                    if (bar != null) {
                        accept(bar);
                    }
                }
                if ((number & 1023) == 0) {
                    progress.accept(counting.count);
                }
            }
            progress.accept(counting.count);
            return new Summary(rows, bad, List.copyOf(badLines), barSeconds);
        }

        private void accept(Bar bar) {
            rows++;
            sink.accept(bar);
        }

        private Columns columns(String header) {
            Map<String, Integer> index = new HashMap<>();
            String[] names = header.split(delimiter, -1);
            for (int i = 0; i < names.length; i++) {
                index.putIfAbsent(unquote(names[i]).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""), i);
            }
            int timestamp = firstOf(index, "timestamp", "opentime", "time", "date", "datetime", "unixtimestamp",
                    "unix", "ts", "t");
            int open = firstOf(index, "open", "o");
            int high = firstOf(index, "high", "h");
            int low = firstOf(index, "low", "l");
            int close = firstOf(index, "close", "c");
            int volume = firstOf(index, "volume", "vol", "v");
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
                throw new UnreadableFileException(file + " line 1: header '" + header + "' has no column " + missing
                        + "; expected " + EXPECTED + " (any case; extra columns are ignored) or no header in "
                        + "Kraken's OHLCVT order");
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

        private long barLength(List<Bar> sample) {
            if (sample.isEmpty()) {
                throw new UnreadableFileException(file + " has no readable bar in its first rows (" + bad
                        + " bad rows: " + String.join("; ", badLines) + "); expected " + EXPECTED);
            }
            long step = Long.MAX_VALUE;
            for (int i = 1; i < sample.size(); i++) {
                long d = sample.get(i).start().getEpochSecond() - sample.get(i - 1).start().getEpochSecond();
                if (d > 0) {
                    step = Math.min(step, d);
                }
            }
            if (step == Long.MAX_VALUE) {
                step = requiredBar;
            }
            if (requiredBar > 0 && step != requiredBar) {
                throw new UnreadableFileException(file + " holds " + describeBar(step) + " bars; expected "
                        + describeBar(requiredBar) + " bars");
            }
            return step;
        }

        /** The bar of one line, or null (counted as bad) when the line is not a valid bar in lenient mode. */
        private Bar row(String line, Columns c, long lineNumber) {
            try {
                Bar bar = parse(line.split(delimiter, -1), c);
                if (previous != null && !bar.start().isAfter(previous)) {
                    throw new IllegalArgumentException("timestamp " + bar.start() + " is not after the previous row's "
                            + previous + " (rows must be oldest first)");
                }
                previous = bar.start();
                return bar;
            } catch (RuntimeException e) {
                if (mode == Mode.STRICT) {
                    throw new UnreadableFileException(file + " line " + lineNumber + ": " + e.getMessage()
                            + "; expected " + EXPECTED);
                }
                bad++;
                if (badLines.size() < MAX_REPORTED_LINES) {
                    badLines.add("line " + lineNumber + ": " + e.getMessage());
                }
                return null;
            }
        }

        private Bar parse(String[] fields, Columns c) {
            if (fields.length <= c.required()) {
                throw new IllegalArgumentException("has " + fields.length + " fields, expected at least "
                        + (c.required() + 1));
            }
            Instant start = timestamp(unquote(fields[c.timestamp()]));
            if (requiredBar > 0 && requiredBar % 60 == 0 && start.getEpochSecond() % 60 != 0) {
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
            if (c.volume() >= 0 && c.volume() < fields.length && !unquote(fields[c.volume()]).isEmpty()) {
                try {
                    volume = new BigDecimal(unquote(fields[c.volume()]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("volume '" + fields[c.volume()] + "' is not a decimal number");
                }
                if (volume.signum() < 0) {
                    throw new IllegalArgumentException("volume " + volume + " is negative");
                }
                volume = volume.setScale(8, RoundingMode.HALF_UP);
            }
            return new Bar(start, open, high, low, close, volume);
        }

        private static String unquote(String text) {
            String t = text.trim();
            return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1).trim() : t;
        }

        private static boolean startsWithDigit(String line) {
            return !line.isEmpty() && Character.isDigit(line.charAt(0)) && !line.matches("^\\d{4}-\\d\\d-\\d\\d.*");
        }
    }

    /** A unix time (seconds, ms, µs or ns by magnitude, fractions allowed) or an ISO date-time; no offset = UTC. */
    static Instant timestamp(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("timestamp is empty");
        }
        if (text.matches("\\d+(\\.\\d+)?")) {
            BigDecimal value = new BigDecimal(text);
            // Unix seconds are ten digits today; 13 digits are milliseconds, 16 microseconds, 19 nanoseconds.
            BigDecimal seconds = value.compareTo(BigDecimal.valueOf(100_000_000_000_000_000L)) >= 0 ? value.movePointLeft(9)
                    : value.compareTo(BigDecimal.valueOf(100_000_000_000_000L)) >= 0 ? value.movePointLeft(6)
                    : value.compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0 ? value.movePointLeft(3) : value;
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
        String iso = text;
        if (iso.toUpperCase(Locale.ROOT).endsWith(" UTC")) {
            iso = iso.substring(0, iso.length() - 4) + "Z";
        }
        if (iso.length() > 10 && (iso.charAt(10) == ' ' || iso.charAt(10) == 't')) {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11).replace(" ", "");
        }
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            TemporalAccessor parsed = ISO.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp '" + text + "' is neither unix time nor an ISO date-time");
        }
    }

    /** File prices may carry more decimals than $0.0001; they are rounded half-up, exactly, without a double. */
    private static SpotPrice price(String text, String column) {
        BigDecimal value;
        String t = text.trim().replace("\"", "");
        try {
            value = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + t + "' is not a decimal number");
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(column + " " + t + " is not positive");
        }
        return new SpotPrice(value.setScale(SpotPrice.SCALE, RoundingMode.HALF_UP).unscaledValue().longValueExact());
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
