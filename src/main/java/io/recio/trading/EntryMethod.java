package io.recio.trading;

/** How a trade was opened. */
public enum EntryMethod {
    MANUAL,
    AUTO,
    /** Found at the venue by reconciliation, with no local trade behind it. */
    EXTERNAL
}
