package io.recio.backtest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Dates as the backtest reads and prints them (UTC). */
public final class Dates {

    private Dates() {
    }

    /** The UTC day of an epoch second, e.g. 2025-01-07. */
    static String day(long epochSecond) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC).toString();
    }

    /**
     * A period bound: a day ({@code 2025-01-07}, its start, or with {@code endOfDay} the start of the next day so a
     * "to" day is included) or an ISO instant ({@code 2025-01-07T12:00:00Z}, taken as is).
     */
    public static Instant parse(String option, String text, boolean endOfDay) {
        try {
            LocalDate day = LocalDate.parse(text.trim());
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADay) {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " must be a day (2025-01-07) or an ISO instant "
                        + "(2025-01-07T12:00:00Z), got '" + text + "'");
            }
        }
    }
}
