package io.recio.accounts;

import java.util.Locale;

/** What an API token may be used for; {@link Permission} says exactly which permissions each carries. */
public enum TokenScope {
    /** Monitoring and scripts that only read. */
    READ,
    /** Also trade manually and close trades. */
    TRADE,
    /** Everything its owner's role may do, but users and own security (those need a browser session). */
    ADMIN;

    /** Parses {@code read}, {@code trade} or {@code admin} (any case); the message says what is allowed. */
    public static TokenScope parse(String value) {
        if (value != null) {
            for (TokenScope s : values()) {
                if (s.name().equalsIgnoreCase(value.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("scope must be read, trade or admin");
    }

    /** The wire spelling: {@code read}, {@code trade} or {@code admin}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
