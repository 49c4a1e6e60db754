package io.recio.simulator.prices.model;

import io.recio.market.SpotPrice;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads a file of one-minute OHLC candles: CSV with a header naming {@code timestamp}, {@code open},
 * {@code high}, {@code low}, {@code close} (other columns ignored), gzip or plain, timestamps as unix
 * seconds, {@code yyyy-MM-dd HH:mm:ss} (UTC) or ISO-8601. Minutes missing from the file are filled flat at
 * the previous close, so the result covers every minute from the first to the last.
 */
public final class CandleFile {

    /** Files longer than this (about a year of minutes) are refused rather than held in memory. */
    static final int MAX_MINUTES = 600_000;

    private CandleFile() {
    }

    /** The candles of a file, one per minute, prices in {@link SpotPrice} units. */
    record Minutes(long firstEpochMinute, long[] open, long[] high, long[] low, long[] close) {
        int size() {
            return open.length;
        }
    }

    /** Reads and checks a candle file; the message of the exception names the file, line and problem. */
    public static Minutes read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("replay file " + file + " does not exist or is not readable");
        }
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader in = new BufferedReader(new InputStreamReader(unzipped(raw), StandardCharsets.UTF_8))) {
            return parse(file, in);
        } catch (IOException e) {
            throw new IllegalArgumentException("replay file " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    private static InputStream unzipped(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 2);
        byte[] magic = in.readNBytes(2);
        in.unread(magic);
        boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        return gzip ? new GZIPInputStream(in) : in;
    }

    private static Minutes parse(Path file, BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new IllegalArgumentException("replay file " + file + " is empty");
        }
        List<String> names = List.of(header.trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        int ts = column(file, names, "timestamp");
        int open = column(file, names, "open");
        int high = column(file, names, "high");
        int low = column(file, names, "low");
        int close = column(file, names, "close");
        List<long[]> rows = new ArrayList<>();
        int realRows = 0;
        long firstMinute = 0;
        long previousMinute = Long.MIN_VALUE;
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            String where = "replay file " + file + " line " + lineNo + ": ";
            if (f.length < names.size()) {
                throw new IllegalArgumentException(where + "expected " + names.size() + " columns, found " + f.length);
            }
            long epochSecond = epochSecond(f[ts].trim(), where);
            if (epochSecond % 60 != 0) {
                throw new IllegalArgumentException(where + "timestamp " + f[ts].trim() + " is not on a whole minute");
            }
            long minute = epochSecond / 60;
            long o = price(f[open], where, "open");
            long h = price(f[high], where, "high");
            long l = price(f[low], where, "low");
            long c = price(f[close], where, "close");
            if (h < Math.max(o, c) || l > Math.min(o, c)) {
                throw new IllegalArgumentException(where + "high " + f[high].trim() + " and low " + f[low].trim()
                        + " do not enclose open " + f[open].trim() + " and close " + f[close].trim());
            }
            if (previousMinute == Long.MIN_VALUE) {
                firstMinute = minute;
            } else if (minute <= previousMinute) {
                throw new IllegalArgumentException(where + "timestamps must increase minute by minute");
            } else {
                long[] last = rows.getLast();
                for (long m = previousMinute + 1; m < minute; m++) { // a missing minute: no trade, flat at the close
                    rows.add(new long[] {last[3], last[3], last[3], last[3]});
                }
            }
            rows.add(new long[] {o, h, l, c});
            realRows++;
            if (rows.size() > MAX_MINUTES) {
                throw new IllegalArgumentException(where + "more than " + MAX_MINUTES
                        + " minutes (or the bars are not one minute apart); use a shorter one-minute file");
            }
            previousMinute = minute;
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException("replay file " + file + " has fewer than two candles");
        }
        if (realRows * 2 < rows.size()) {
            throw new IllegalArgumentException("replay file " + file + " has " + realRows + " candles over "
                    + rows.size() + " minutes: its bars are not one minute apart");
        }
        int n = rows.size();
        long[] os = new long[n], hs = new long[n], ls = new long[n], cs = new long[n];
        for (int i = 0; i < n; i++) {
            long[] r = rows.get(i);
            os[i] = r[0];
            hs[i] = r[1];
            ls[i] = r[2];
            cs[i] = r[3];
        }
        return new Minutes(firstMinute, os, hs, ls, cs);
    }

    private static int column(Path file, List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("replay file " + file + " has no '" + name
                    + "' column in its header (expected timestamp,open,high,low,close)");
        }
        return i;
    }

    private static long epochSecond(String text, String where) {
        try {
            if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
                long value = Long.parseLong(text);
                return value > 100_000_000_000L ? value / 1000 : value; // milliseconds in some exports
            }
            if (text.length() == 19 && text.charAt(10) == ' ') {
                return LocalDateTime.parse(text.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toEpochSecond();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(where + "timestamp '" + text
                    + "' is neither unix seconds nor a date-time such as 2025-01-07 00:01:00");
        }
    }

    private static long price(String text, String where, String column) {
        try {
            long units = SpotPrice.parse(text.trim()).units();
            if (units == 0) {
                throw new IllegalArgumentException("zero");
            }
            return units;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + column + " '" + text.trim() + "' is not a positive price: "
                    + e.getMessage());
        }
    }
}
