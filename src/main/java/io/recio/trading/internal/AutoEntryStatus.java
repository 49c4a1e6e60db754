package io.recio.trading.internal;

/** What the auto_entry_supervisor is doing, as REC.IO's panel showed it. */
public enum AutoEntryStatus {
    /** Looking for entries. */
    ACTIVE,
    /** Enabled, but nothing to do now (outside the entry window, no data, trading not yet reconciled). */
    INACTIVE,
    /** Enabled, but held back by the spike alert or the kill switch. */
    PAUSED,
    /** Turned off in the user's settings. */
    DISABLED
}
