package io.recio.kalshi;

import java.util.Locale;

/** Kalshi's V2 side of the single YES book: {@code bid} buys YES, {@code ask} sells YES (= buys NO). */
public enum BookSide {
    BID,
    ASK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BookSide parse(String text) {
        if ("bid".equals(text)) {
            return BID;
        }
        if ("ask".equals(text)) {
            return ASK;
        }
        throw new IllegalArgumentException("unknown book_side '" + text + "'; expected bid or ask");
    }
}
