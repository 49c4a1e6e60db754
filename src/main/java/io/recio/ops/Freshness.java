package io.recio.ops;

import java.time.Duration;
import java.time.Instant;

/**
 * How fresh one piece of data trading needs is, as its module reports it.
 *
 * @param subject what it is, in the trader's words, e.g. {@code "BTC price"}
 * @param kind    which staleness limit applies
 * @param newest  the time of the newest good data, or null when there has been none yet
 */
public record Freshness(String subject, Kind kind, Instant newest) {

    /** The kinds of data the cascading-failure detector holds to a staleness limit. */
    public enum Kind {
        /** The logged price of a symbol, from any source (Coinbase or the fallback index). */
        PRICE,
        /** The newest strike table computed from fresh inputs. */
        STRIKE_TABLE,
        /** The order books of the current event, in sync with the exchange. */
        ORDER_BOOK
    }

    /** How old the data is at {@code now}, or null when there is none. */
    public Duration age(Instant now) {
        return newest == null ? null : Duration.between(newest, now);
    }
}
