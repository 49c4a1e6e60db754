package io.recio.trading.internal;

/** What the auto_entry_supervisor is doing, as REC.IO's panel showed it. */
public enum AutoEntryStatus {
    /** Looking for entries. */
    ACTIVE,
    /** Enabled, but nothing to do now (outside the entry window, no data, trading HALTED). */
    INACTIVE,
    /** Enabled, but held back by the spike alert or by trading REDUCING (kill switch, ops' suspension). */
    PAUSED,
    /** Turned off in the user's settings. */
    DISABLED
}
