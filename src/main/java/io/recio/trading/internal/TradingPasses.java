package io.recio.trading.internal;

import io.recio.ops.ServiceContext;
import io.recio.trading.TradingMode;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The duty cycles of trading's four services, one at a time: reconciliation rewrites what the supervisors
 * read, so their passes never interleave. While trading is HALTED (before the start-up reconciliation
 * succeeds) only trade_manager works.
 */
@Component
public class TradingPasses {

    private static final Logger log = LoggerFactory.getLogger(TradingPasses.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final TradingGate gate;

    public TradingPasses(TradingGate gate) {
        this.gate = gate;
    }

    /**
     * Runs {@code body} alone unless trading is HALTED, reporting the service healthy, or degraded with what it
     * threw; returns whether it ran.
     */
    boolean runUnlessHalted(ServiceContext service, Runnable body) {
        if (gate.state().mode() == TradingMode.HALTED) {
            service.detail("waiting_for", gate.state().why());
            return false;
        }
        service.detail("waiting_for", null);
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
        return true;
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
