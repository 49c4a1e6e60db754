package io.recio.kalshi.client;

/**
 * A payload in Kalshi's pre-2026-03-12 shape (integer cents and counts such as {@code yes_price}, {@code count},
 * {@code delta}), which live responses no longer carry; recio refuses to guess their meaning.
 */
public class LegacyFormatException extends KalshiFormatException {

    public LegacyFormatException(String what, String legacyField) {
        super(what + " is in Kalshi's legacy integer format (field '" + legacyField
                + "', removed 2026-03-12); only the *_dollars/*_fp format is supported");
    }
}
