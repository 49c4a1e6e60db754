package io.recio.market;

import java.util.Locale;

/** How a market's strikes decide YES, as Kalshi's {@code strike_type}. */
public enum StrikeType {
    /** YES when the settlement value is strictly above {@code floor_strike}. */
    GREATER,
    GREATER_OR_EQUAL,
    /** YES when the settlement value is strictly below {@code cap_strike}. */
    LESS,
    LESS_OR_EQUAL,
    /** YES when {@code floor_strike} ≤ value ≤ {@code cap_strike}. */
    BETWEEN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StrikeType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unsupported strike_type '" + text
                    + "'; expected greater, greater_or_equal, less, less_or_equal or between");
        }
    }
}
