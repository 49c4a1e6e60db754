package io.recio.market;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A Kalshi hourly event: series, then the close as {@code YYMONDDHH} in New York time, e.g.
 * {@code KXBTCD-26SEP2516} closes 2026-09-25 16:00 EDT = 20:00Z.
 */
public record EventTicker(String series, Instant close) {

    /** Kalshi names hourly events by the New York hour of their close. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final DateTimeFormatter CODE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("yyMMMddHH")
            .toFormatter(Locale.ENGLISH);

    public EventTicker {
        if (series == null || !series.matches("[A-Z0-9]+")) {
            throw new IllegalArgumentException("series '" + series + "' is not a Kalshi series ticker");
        }
        if (close == null || !close.truncatedTo(ChronoUnit.HOURS).equals(close)) {
            throw new IllegalArgumentException("an hourly event closes on the hour, not at " + close);
        }
    }

    /** The hourly above/below event of {@code symbol} closing at {@code close}. */
    public static EventTicker aboveBelow(Symbol symbol, Instant close) {
        return new EventTicker(symbol.aboveBelowSeries(), close);
    }

    /** The close of the hourly event in force at {@code now}: the next top of the hour (now itself if on it exactly). */
    public static Instant nextClose(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(now) ? now : hour.plus(1, ChronoUnit.HOURS);
    }

    /** Parses {@code KXBTCD-26SEP2516}. */
    public static EventTicker parse(String ticker) {
        if (ticker == null) {
            throw new IllegalArgumentException("event ticker is missing");
        }
        int dash = ticker.indexOf('-');
        if (dash <= 0 || ticker.length() - dash - 1 != 9) {
            throw new IllegalArgumentException("event ticker '" + ticker + "' is not SERIES-YYMONDDHH");
        }
        try {
            LocalDateTime local = LocalDateTime.parse(ticker.substring(dash + 1), CODE);
            return new EventTicker(ticker.substring(0, dash), ZonedDateTime.of(local, NEW_YORK).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("event ticker '" + ticker + "' has no valid YYMONDDHH date");
        }
    }

    public Symbol symbol() {
        return Symbol.ofSeries(series);
    }

    /** When the event's markets open: one hour before the close. */
    public Instant open() {
        return close.minus(1, ChronoUnit.HOURS);
    }

    /** The event of the same series one hour later. */
    public EventTicker next() {
        return new EventTicker(series, close.plus(1, ChronoUnit.HOURS));
    }

    @Override
    public String toString() {
        return series + "-" + CODE.format(close.atZone(NEW_YORK)).toUpperCase(Locale.ROOT);
    }
}
