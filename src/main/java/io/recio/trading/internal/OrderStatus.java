package io.recio.trading.internal;

/**
 * An order row's state. SENDING is written before the order leaves, so a crash before the answer
 * leaves a row the resolver looks up; UNKNOWN is an answer that left doubt.
 */
public enum OrderStatus {
    SENDING,
    ACCEPTED,
    REJECTED,
    UNKNOWN;

    public boolean unresolved() {
        return this == SENDING || this == UNKNOWN;
    }
}
