package io.recio.ops;

/** The life of a managed service, as the admin panel shows it. */
public enum ServiceState {
    STARTING,
    RUNNING,
    /** Working, but with a problem the owner should know of (stale input, fallback source, ...). */
    DEGRADED,
    FAILED,
    STOPPED
}
