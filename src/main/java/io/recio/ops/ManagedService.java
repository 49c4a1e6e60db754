package io.recio.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The contract of a REC.IO service that ops runs (a Spring bean of this type is found and run). The
 * service does the work; the runner owns its thread, catches its errors, idles it between duty
 * cycles, and starts and stops it in dependency order. A restart is {@link #stop} then
 * {@link #start}, the same path as at boot, so a service keeps nothing that only a fresh process
 * would reset.
 * <p>
 * {@link #doWork} takes the time from its argument, never from a clock of its own, so the backtester
 * can step a service synchronously under a simulated clock.
 */
public interface ManagedService {

    ServiceName name();

    /** The services this one needs; it starts after them and stops before them. */
    default List<ServiceName> dependencies() {
        return List.of();
    }

    /** Whether trading must be suspended while this service is down. */
    default boolean criticalToTrading() {
        return false;
    }

    /**
     * Connects, loads, subscribes. Throwing means "not started": the runner reports FAILED and tries
     * again with back-off (a venue that cannot be reached yet is not a reason to give up).
     */
    void start(ServiceContext context) throws Exception;

    /** How often {@link #doWork} runs (aligned to the clock), or null for a service without a duty cycle. */
    default Duration dutyCycle() {
        return null;
    }

    /**
     * One duty cycle at {@code now}; returns how much work it did (0: nothing was due). An exception
     * escaping it is a crash: the service is stopped and FAILED, and the cascading-failure detector
     * decides when to start it again. Expected trouble (a venue error) is caught and reported as
     * {@link ServiceContext#degraded} instead.
     */
    default int doWork(Instant now) throws Exception {
        return 0;
    }

    /** Releases what {@link #start} took (connections, subscriptions); must not throw. */
    void stop();
}
