package io.recio.trading;

/** How a trade was closed. */
public enum CloseMethod {
    MANUAL,
    /** Auto-stop, momentum-spike flatten or kill-switch flatten. */
    AUTO,
    /** Held through the close and settled by Kalshi. */
    EXPIRED,
    /** The venue no longer held the contracts (reconciliation). */
    RECONCILED
}
