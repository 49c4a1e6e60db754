package io.recio.trading;

/** How far recio may trade now, from most to least permissive. */
public enum TradingMode {
    /** Entries and exits. */
    ACTIVE,
    /** Exits only: open trades stay supervised and may be closed, no new entries. */
    REDUCING,
    /** No orders at all. */
    HALTED
}
