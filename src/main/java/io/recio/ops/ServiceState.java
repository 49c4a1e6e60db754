package io.recio.ops;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a managed service, as the admin panel shows it. The runner owns STARTING, FAILED and
 * STOPPED; a started service moves itself between RUNNING and DEGRADED. Only the moves
 * {@link #canBecome} allows ever happen.
 */
public enum ServiceState {
    /** {@code start} is running (connecting, loading). */
    STARTING,
    RUNNING,
    /** Working, but with a problem the owner should know of (stale input, fallback source, ...). */
    DEGRADED,
    /** {@code start} or the duty cycle threw: not working until it is started again. */
    FAILED,
    STOPPED;

    /** Whether a service in this state may move to {@code next}. */
    public boolean canBecome(ServiceState next) {
        return successors().contains(next);
    }

    private Set<ServiceState> successors() {
        return switch (this) {
            case STOPPED -> EnumSet.of(STARTING);
            case STARTING -> EnumSet.of(RUNNING, DEGRADED, FAILED, STOPPED);
            case RUNNING -> EnumSet.of(DEGRADED, FAILED, STOPPED);
            case DEGRADED -> EnumSet.of(RUNNING, FAILED, STOPPED);
            // STARTING again: a retry of a start that failed, or a restart after a crash.
            case FAILED -> EnumSet.of(STARTING, STOPPED);
        };
    }

    /** Whether the service is started and doing its work (well or not). */
    public boolean isUp() {
        return this == RUNNING || this == DEGRADED;
    }
}
