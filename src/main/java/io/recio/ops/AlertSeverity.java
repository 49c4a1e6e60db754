package io.recio.ops;

/** How urgent an alert is; each channel sends from a chosen severity up. */
public enum AlertSeverity {
    /** Worth a note (trading resumed, kill switch released). */
    INFO,
    /** Needs a look (trading suspended, a reconciliation mismatch, a disk filling up). */
    WARNING,
    /** Needs a person now (a service left FAILED, a second instance). */
    CRITICAL
}
