package io.recio.ops.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.ops.TradingImpact;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One managed service as the runner holds it: its state (moved only along {@link ServiceState#canBecome}),
 * the health the service reports through it as its {@link ServiceContext}, and the runner's thread.
 */
final class ServiceSlot implements ServiceContext {

    /** Where every accepted transition goes (log, table, event). */
    interface Transitions {
        void moved(ServiceSlot slot, ServiceState from, ServiceHealth now, String reason);
    }

    final ManagedService service;
    private final List<ServiceName> dependencies;
    private final Clock clock;
    private final Transitions transitions;
    private final Map<String, String> details = new ConcurrentHashMap<>();

    private ServiceState state = ServiceState.STOPPED;
    private Instant since;
    private Instant startedAt;
    private int runs;
    private String lastError;
    private Instant lastErrorAt;
    private Instant nextAttemptAt;
    /** What the service last reported: null when healthy, else the reason it is degraded. */
    private String problem;
    private TradingImpact impact = TradingImpact.NONE;

    /** The runner's thread for the current start; replaced at each start. */
    volatile Thread thread;
    /** Set to end the current run; a new start clears it. */
    volatile boolean stopRequested;
    /** Whether {@code start} was called and {@code stop} not yet. */
    volatile boolean holdsResources;
    /** Completes when the first start attempt of the current run has finished, whatever its outcome. */
    volatile CompletableFuture<Void> attempted = CompletableFuture.completedFuture(null);
    /** Whether the service crashed in its duty cycle and waits for the detector's decision. */
    volatile boolean crashed;

    ServiceSlot(ManagedService service, List<ServiceName> dependencies, Clock clock, Transitions transitions) {
        this.service = service;
        this.dependencies = dependencies;
        this.clock = clock;
        this.transitions = transitions;
        this.since = clock.instant();
    }

    @Override
    public ServiceName name() {
        return service.name();
    }

    List<ServiceName> dependencies() {
        return dependencies;
    }

    synchronized ServiceState state() {
        return state;
    }

    // ---- what the service reports ------------------------------------------------------------------------

    @Override
    public void healthy() {
        report(null, TradingImpact.NONE);
    }

    @Override
    public void degraded(String reason, TradingImpact impact) {
        report(reason == null || reason.isBlank() ? "degraded" : reason, impact == null ? TradingImpact.NONE : impact);
    }

    private void report(String reason, TradingImpact newImpact) {
        synchronized (this) {
            problem = reason;
            impact = newImpact;
            if (reason != null) {
                lastError = reason;
                lastErrorAt = clock.instant();
            }
            if (!state.isUp()) {
                // STARTING takes the report when start returns; a stopped or failed service has no health to report
                return;
            }
        }
        move(reason == null ? ServiceState.RUNNING : ServiceState.DEGRADED, reason);
    }

    @Override
    public boolean stopping() {
        return stopRequested;
    }

    @Override
    public void detail(String key, Object value) {
        if (value == null) {
            details.remove(key);
        } else {
            details.put(key, String.valueOf(value));
        }
    }

    // ---- what the runner decides -------------------------------------------------------------------------

    /** The runner begins a run (boot, start, restart); retries of a failed start within it are not new runs. */
    synchronized void beginRun() {
        runs++;
        stopRequested = false;
        crashed = false;
        attempted = new CompletableFuture<>();
    }

    /** A start attempt begins: the health of the previous attempt is forgotten. */
    boolean starting() {
        synchronized (this) {
            problem = null;
            impact = TradingImpact.NONE;
            nextAttemptAt = null;
            crashed = false;
        }
        return move(ServiceState.STARTING, null);
    }

    /** {@code start} returned: RUNNING, or DEGRADED if the service reported a problem meanwhile. */
    boolean started() {
        String reason;
        synchronized (this) {
            reason = problem;
        }
        return move(reason == null ? ServiceState.RUNNING : ServiceState.DEGRADED, reason);
    }

    boolean failed(String reason, Instant retryAt) {
        synchronized (this) {
            lastError = reason;
            lastErrorAt = clock.instant();
            nextAttemptAt = retryAt;
            impact = TradingImpact.NONE;
        }
        return move(ServiceState.FAILED, reason);
    }

    boolean stopped() {
        synchronized (this) {
            nextAttemptAt = null;
            impact = TradingImpact.NONE;
        }
        return move(ServiceState.STOPPED, null);
    }

    /** Moves to {@code next} if the table allows it; returns false (and changes nothing) otherwise. */
    private boolean move(ServiceState next, String reason) {
        ServiceState from;
        ServiceHealth now;
        synchronized (this) {
            if (next == state) {
                return true;
            }
            if (!state.canBecome(next)) {
                return false;
            }
            Instant at = clock.instant();
            from = state;
            state = next;
            since = at;
            if (next == ServiceState.STARTING) {
                startedAt = at;
            }
            now = health();
        }
        transitions.moved(this, from, now, reason);
        return true;
    }

    synchronized ServiceHealth health() {
        return new ServiceHealth(service.name(), state, since, startedAt, Math.max(0, runs - 1), lastError,
                lastErrorAt, nextAttemptAt, state.isUp() ? impact : TradingImpact.NONE, service.criticalToTrading(),
                dependencies, new TreeMap<>(details));
    }
}
