package io.recio.market;

import java.util.Locale;

/** The outcome a contract pays on: YES pays $1 if the market resolves yes, NO if it resolves no. */
public enum Side {
    YES,
    NO;

    public Side opposite() {
        return this == YES ? NO : YES;
    }

    /** Kalshi's wire name: {@code yes} or {@code no}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Side parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "yes" -> {
                    return YES;
                }
                case "no" -> {
                    return NO;
                }
                default -> {
                }
            }
        }
        throw new IllegalArgumentException("unknown side '" + text + "'; expected yes or no");
    }
}
