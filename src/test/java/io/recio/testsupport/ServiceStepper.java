package io.recio.testsupport;

import io.recio.ops.ManagedService;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one managed service in a test the way ops would, without Spring: {@code start} with a
 * {@link RecordingContext}, then {@code doWork(clock.instant())} on a thread of its own every duty cycle (at most
 * every 200 ms of real time, so a test clock that stands still still gets its passes), {@code stop} on close.
 */
public final class ServiceStepper implements AutoCloseable {

    private final ManagedService service;
    private final RecordingContext context;
    private final Thread thread;
    private volatile boolean closed;

    private ServiceStepper(ManagedService service, Clock clock) throws Exception {
        this.service = service;
        this.context = new RecordingContext(service.name());
        service.start(context);
        Duration cycle = service.dutyCycle();
        long pause = cycle == null ? 0 : Math.min(200, cycle.toMillis());
        this.thread = Thread.ofVirtual().name("stepper-" + service.name()).start(() -> {
            while (!closed && pause > 0) {
                try {
                    service.doWork(clock.instant());
                    LockSupport.parkNanos(Duration.ofMillis(pause).toNanos());
                } catch (Exception e) {
                    throw new IllegalStateException(service.name() + " crashed in its duty cycle", e);
                }
            }
        });
    }

    /** Starts {@code service} and steps it until {@link #close}. */
    public static ServiceStepper start(ManagedService service, Clock clock) throws Exception {
        return new ServiceStepper(service, clock);
    }

    public RecordingContext context() {
        return context;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        context.requestStop();
        thread.join(Duration.ofSeconds(15));
        service.stop();
    }
}
