package io.recio.trading.internal;

import io.recio.ops.ServiceContext;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The duty cycles of trading's four services, one at a time: reconciliation rewrites what the supervisors
 * read, so their passes never interleave. Also the start-up gate: until the first reconciliation succeeds only
 * trade_manager works.
 */
@Component
public class TradingPasses {

    private static final Logger log = LoggerFactory.getLogger(TradingPasses.class);

    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean reconciled;

    /** Whether the start-up reconciliation has succeeded. */
    public boolean reconciled() {
        return reconciled;
    }

    void markReconciled() {
        reconciled = true;
    }

    /** Runs {@code body} alone, reporting the service healthy, or degraded with what it threw. */
    void run(ServiceContext service, Runnable body) {
        lock.lock();
        try {
            body.run();
            service.healthy();
        } catch (RuntimeException e) {
            log.warn("{} pass failed", service.name(), e);
            service.degraded(service.name() + " pass failed: " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code body} alone, whatever it reports. */
    <T> T alone(java.util.function.Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }
}
