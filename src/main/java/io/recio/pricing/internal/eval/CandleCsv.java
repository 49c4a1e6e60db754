package io.recio.pricing.internal.eval;

import io.recio.pricing.internal.model.MinuteSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A minimal reader of one-minute OHLC files for the evaluation (plain or gzip CSV with a header naming
 * {@code timestamp}, {@code open} and {@code close}; the timestamp is the bar's open, unix seconds or ISO).
 * Files with other bar lengths are refused: the models are built from one-minute history.
 */
public final class CandleCsv {

    private CandleCsv() {
    }

    /** Reads the file into a minute grid; throws IllegalArgumentException naming the file and line on bad input. */
    public static MinuteSeries read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(file + " does not exist or is not readable");
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            String[] names = header.toLowerCase(Locale.ROOT).split(",");
            int ts = column(names, "timestamp", file);
            int open = column(names, "open", file);
            int close = column(names, "close", file);
            MinuteSeries.Builder builder = MinuteSeries.builder();
            Instant previous = null;
            long smallestStep = Long.MAX_VALUE;
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                try {
                    Instant at = instant(f[ts].trim());
                    double o = Double.parseDouble(f[open].trim());
                    double c = Double.parseDouble(f[close].trim());
                    if (!(o > 0) || !(c > 0)) {
                        throw new IllegalArgumentException("prices must be positive");
                    }
                    if (previous != null) {
                        long step = at.getEpochSecond() - previous.getEpochSecond();
                        if (step <= 0) {
                            throw new IllegalArgumentException("rows must be oldest first");
                        }
                        smallestStep = Math.min(smallestStep, step);
                    }
                    previous = at;
                    builder.add(at, o, c);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": " + e.getMessage());
                }
            }
            if (previous == null) {
                throw new IllegalArgumentException(file + " has no rows");
            }
            if (smallestStep != 60 && smallestStep != Long.MAX_VALUE) {
                throw new IllegalArgumentException(file + " has " + smallestStep + "-second bars; the models need one-minute bars");
            }
            return builder.build();
        }
    }

    private static int column(String[] names, String wanted, Path file) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].trim().equals(wanted)) {
                return i;
            }
        }
        throw new IllegalArgumentException(file + " has no '" + wanted + "' column in its header");
    }

    private static Instant instant(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("timestamp '" + text + "' is neither unix seconds nor ISO");
            }
        }
    }
}
