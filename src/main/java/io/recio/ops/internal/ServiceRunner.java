package io.recio.ops.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.ops.ServiceStateChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Runs every {@link ManagedService} bean (Agrona's AgentRunner, one platform thread per service, so a busy duty
 * cycle cannot starve the virtual threads that serve the console): checks
 * the graph at start-up, starts services in dependency order (a dependent after its dependencies' first
 * start attempt, whatever its outcome), retries a failed start with back-off for as long as the service
 * is wanted, calls {@code doWork} on its duty cycle aligned to the clock, turns an exception escaping it
 * into FAILED, and stops services in reverse order. A restart is the same stop then start. Services start
 * with the application unless {@code recio.services.autostart} is false (tool commands, most tests); they
 * can then be started one by one.
 */
@Service
class ServiceRunner implements ManagedServices, SmartLifecycle, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(60);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    /** The MDC key that names the managed service a log line was written for (its own log file). */
    static final String MDC_SERVICE = "service";

    private final ObjectProvider<ManagedService> provider;
    private final ServiceEventLog eventLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean autostart;
    private final Map<ServiceName, ServiceSlot> slots = new LinkedHashMap<>();
    private ServiceGraph graph;
    private volatile boolean running;

    ServiceRunner(ObjectProvider<ManagedService> provider, ServiceEventLog eventLog, ApplicationEventPublisher events,
                  Clock clock, @Value("${recio.services.autostart:true}") boolean autostart) {
        this.provider = provider;
        this.eventLog = eventLog;
        this.events = events;
        this.clock = clock;
        this.autostart = autostart;
    }

    /** The graph is checked once every bean exists: a bad one stops start-up with one message. */
    @Override
    public void afterSingletonsInstantiated() {
        graph = ServiceGraph.of(provider.stream().toList());
        for (ManagedService s : graph.startOrder()) {
            Duration cycle = s.dutyCycle();
            if (cycle != null && (cycle.isNegative() || cycle.isZero())) {
                throw new IllegalStateException("managed service " + s.name() + " has a duty cycle of " + cycle
                        + "; it must be positive");
            }
            slots.put(s.name(), new ServiceSlot(s, graph.dependenciesOf(s.name()), clock, this::moved));
        }
    }

    private void moved(ServiceSlot slot, ServiceState from, ServiceHealth now, String reason) {
        if (now.state() == ServiceState.FAILED || now.state() == ServiceState.DEGRADED) {
            log.warn("service {} is {}: {}", now.name(), now.state(), reason);
        } else {
            log.info("service {} is {}", now.name(), now.state());
        }
        eventLog.record(now.name(), now.state(), reason, now.since());
        events.publishEvent(new ServiceStateChanged(now, from));
    }

    // ---- application lifecycle ---------------------------------------------------------------------------

    /** Launches every service and returns at once: recio is ready while its services connect. */
    @Override
    public void start() {
        running = true;
        if (autostart) {
            log.info("starting {} managed services in dependency order", slots.size());
            slots.values().forEach(this::launch);
        }
    }

    @Override
    public void stop() {
        running = false;
        List<ServiceSlot> reverse = new ArrayList<>(slots.values());
        java.util.Collections.reverse(reverse);
        reverse.forEach(this::halt);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server: the console answers while services connect. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    // ---- ManagedServices ---------------------------------------------------------------------------------

    @Override
    public Optional<ServiceHealth> health(ServiceName name) {
        return Optional.ofNullable(slots.get(name)).map(ServiceSlot::health);
    }

    @Override
    public List<ServiceHealth> all() {
        return slots.values().stream().map(ServiceSlot::health).toList();
    }

    @Override
    public List<ServiceName> dependents(ServiceName name) {
        slot(name);
        return graph.dependentsOf(name);
    }

    @Override
    public void start(ServiceName name) {
        ServiceSlot slot = slot(name);
        synchronized (slot) {
            if (slot.thread != null && slot.thread.isAlive() || slot.state().isUp()) {
                return;
            }
            launch(slot);
        }
    }

    @Override
    public void stop(ServiceName name) {
        halt(slot(name));
    }

    @Override
    public Restart restart(ServiceName name) {
        ServiceSlot slot = slot(name);
        Thread.ofPlatform().daemon().name("restart-" + name).start(() -> {
            halt(slot);
            launch(slot);
        });
        return new Restart(name, graph.dependentsOf(name));
    }

    /**
     * The master restart: stops every service in reverse dependency order, then starts them all again in
     * dependency order (each after its dependencies' first start attempt, as at boot); returns when all are launched.
     */
    List<ServiceName> restartAll() {
        List<ServiceSlot> reverse = new ArrayList<>(slots.values());
        java.util.Collections.reverse(reverse);
        reverse.forEach(this::halt);
        slots.values().forEach(this::launch);
        return List.copyOf(slots.keySet());
    }

    /** Whether a service crashed in its duty cycle and nothing has started it since. */
    boolean crashed(ServiceName name) {
        return slot(name).crashed;
    }

    private ServiceSlot slot(ServiceName name) {
        ServiceSlot slot = slots.get(name);
        if (slot == null) {
            throw new NoSuchElementException("no managed service named '" + name + "'");
        }
        return slot;
    }

    // ---- one service's run -------------------------------------------------------------------------------

    private void launch(ServiceSlot slot) {
        synchronized (slot) {
            slot.beginRun();
            slot.thread = Thread.ofPlatform().daemon().name("service-" + slot.name()).start(() -> run(slot));
        }
    }

    private void run(ServiceSlot slot) {
        // everything this thread logs also goes to the service's own log file
        MDC.put(MDC_SERVICE, slot.name().value());
        try {
            awaitDependencies(slot);
            if (slot.stopRequested || !startWithRetries(slot)) {
                return;
            }
            Duration cycle = slot.service.dutyCycle();
            if (cycle != null) {
                dutyCycles(slot, cycle);
            }
        } finally {
            slot.attempted.complete(null);
        }
    }

    /** Dependencies started in the same boot are given their first attempt before this service tries. */
    private void awaitDependencies(ServiceSlot slot) {
        for (ServiceName d : slot.dependencies()) {
            ServiceSlot dependency = slots.get(d);
            while (!slot.stopRequested) {
                try {
                    dependency.attempted.get(200, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    // look at the stop flag again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    break;
                }
            }
        }
    }

    /** Tries {@code start} until it succeeds or the service is stopped; returns whether it started. */
    private boolean startWithRetries(ServiceSlot slot) {
        int failures = 0;
        while (!slot.stopRequested) {
            if (!slot.starting()) {
                return false;
            }
            try {
                slot.holdsResources = true;
                slot.service.start(slot);
                slot.started();
                slot.attempted.complete(null);
                return true;
            } catch (Throwable e) {
                release(slot);
                if (slot.stopRequested) {
                    return false;
                }
                failures++;
                Instant retryAt = clock.instant().plus(retryDelay(failures));
                log.debug("start of {} failed", slot.name(), e);
                slot.failed("could not start: " + describe(e) + " (attempt " + failures + ", next at " + retryAt + ")",
                        retryAt);
                slot.attempted.complete(null);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                if (e instanceof Error && !(e instanceof AssertionError)) {
                    throw (Error) e;
                }
                waitUntil(slot, retryAt);
            }
        }
        return false;
    }

    private void dutyCycles(ServiceSlot slot, Duration cycle) {
        long period = cycle.toMillis();
        while (!slot.stopRequested) {
            int work;
            try {
                work = slot.service.doWork(clock.instant());
            } catch (Throwable e) {
                if (slot.stopRequested) {
                    return;
                }
                log.error("service {} crashed in its duty cycle", slot.name(), e);
                release(slot);
                slot.crashed = true;
                slot.failed("crashed: " + describe(e), null);
                if (e instanceof Error && !(e instanceof AssertionError)) {
                    throw (Error) e;
                }
                return;
            }
            if (work <= 0) {
                long wait = period - Math.floorMod(clock.millis(), period);
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(Math.max(1, wait)));
            }
        }
    }

    /** Parks until the clock reaches {@code at} or the service is stopped. */
    private void waitUntil(ServiceSlot slot, Instant at) {
        while (!slot.stopRequested) {
            Duration left = Duration.between(clock.instant(), at);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            LockSupport.parkNanos(this, Math.min(left.toNanos(), TimeUnit.SECONDS.toNanos(1)));
        }
    }

    /** Ends the current run: the thread finishes its call, then the service releases what it holds. */
    private void halt(ServiceSlot slot) {
        Thread t;
        synchronized (slot) {
            slot.stopRequested = true;
            t = slot.thread;
        }
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
            try {
                if (!t.join(STOP_WAIT)) {
                    log.warn("service {} did not finish its current call within {} s; interrupting it", slot.name(),
                            STOP_WAIT.toSeconds());
                    t.interrupt();
                    t.join(Duration.ofSeconds(2));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        release(slot);
        slot.stopped();
    }

    private void release(ServiceSlot slot) {
        synchronized (slot) {
            if (!slot.holdsResources) {
                return;
            }
            slot.holdsResources = false;
        }
        try {
            slot.service.stop();
        } catch (RuntimeException e) {
            log.warn("service {} failed to stop cleanly: {}", slot.name(), describe(e));
        }
    }

    /** 1 s, 2 s, 4 s ... up to a minute between start attempts. */
    static Duration retryDelay(int failures) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 10));
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause.getMessage() == null || cause instanceof java.util.concurrent.CompletionException)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
