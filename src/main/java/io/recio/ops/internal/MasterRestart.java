package io.recio.ops.internal;

import io.recio.ApiProblem;
import io.recio.LiveUpdate;
import io.recio.ops.ServiceName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The master restart (REC.IO's "restart everything"): an admin asks for it, every open console sees a 30-second
 * countdown (the {@code master_restart} push) that any admin may cancel, and when it runs out every service is
 * stopped in reverse dependency order and started again in dependency order. Each request and cancel is audited.
 */
@Component
class MasterRestart {

    private static final Logger log = LoggerFactory.getLogger(MasterRestart.class);
    static final Duration COUNTDOWN = Duration.ofSeconds(30);

    /** Where the master restart stands. */
    enum Phase { IDLE, COUNTDOWN, RESTARTING, CANCELLED, DONE }

    /**
     * The master restart as every console shows it.
     *
     * @param phase       where it stands
     * @param requestedBy who asked for the last one, or null
     * @param requestedAt when
     * @param restartAt   when the countdown ends (the services stop then)
     * @param cancelledBy who cancelled it, or null
     * @param endedAt     when it was cancelled or all services were started again, or null
     * @param services    the services restarted, in start order (when DONE)
     */
    record View(Phase phase, String requestedBy, Instant requestedAt, Instant restartAt, String cancelledBy,
                Instant endedAt, List<ServiceName> services) {

        static final View IDLE = new View(Phase.IDLE, null, null, null, null, null, List.of());
    }

    private final ServiceRunner runner;
    private final OpsAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Function<Runnable, Thread> countdownThreads;
    private View view = View.IDLE;
    private Thread waiter;

    @Autowired
    MasterRestart(ServiceRunner runner, OpsAudit audit, ApplicationEventPublisher events, Clock clock) {
        this(runner, audit, events, clock, r -> Thread.ofPlatform().daemon().name("master-restart").start(r));
    }

    /** @param countdownThreads starts the thread that waits out a countdown (a test steps the clock itself) */
    MasterRestart(ServiceRunner runner, OpsAudit audit, ApplicationEventPublisher events, Clock clock,
                  Function<Runnable, Thread> countdownThreads) {
        this.runner = runner;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.countdownThreads = countdownThreads;
    }

    synchronized View view() {
        return view;
    }

    /** Starts the countdown; a second request while one counts down or runs is refused (409). */
    View request(String user) {
        View next;
        synchronized (this) {
            if (view.phase() == Phase.COUNTDOWN || view.phase() == Phase.RESTARTING) {
                audit.record(user, "master_restart", null, false, "refused: one is already " + view.phase());
                throw ApiProblem.conflict("master_restart_pending", "a master restart is already "
                        + (view.phase() == Phase.COUNTDOWN ? "counting down (requested by " + view.requestedBy() + ")"
                        : "running"));
            }
            Instant now = clock.instant();
            next = new View(Phase.COUNTDOWN, user, now, now.plus(COUNTDOWN), null, null, List.of());
            view = next;
            waiter = countdownThreads.apply(this::await);
        }
        audit.record(user, "master_restart", null, true, "countdown until " + next.restartAt());
        log.warn("master restart requested by {}: every service restarts at {}", user, next.restartAt());
        publish(next);
        return next;
    }

    /** Cancels the countdown; refused (409) when none is counting down. */
    View cancel(String user) {
        View next;
        Thread t;
        synchronized (this) {
            if (view.phase() != Phase.COUNTDOWN) {
                audit.record(user, "master_restart_cancel", null, false, "refused: nothing counts down");
                throw ApiProblem.conflict("no_master_restart", view.phase() == Phase.RESTARTING
                        ? "the master restart is already running" : "no master restart is counting down");
            }
            next = new View(Phase.CANCELLED, view.requestedBy(), view.requestedAt(), view.restartAt(), user,
                    clock.instant(), List.of());
            view = next;
            t = waiter;
        }
        if (t != null) {
            LockSupport.unpark(t);
        }
        audit.record(user, "master_restart_cancel", "requested by " + next.requestedBy(), true, "cancelled");
        log.warn("master restart cancelled by {}", user);
        publish(next);
        return next;
    }

    /** Runs the restart when the countdown is over at {@code now}; answers whether it ran. */
    boolean runIfDue(Instant now) {
        View counted;
        synchronized (this) {
            if (view.phase() != Phase.COUNTDOWN || now.isBefore(view.restartAt())) {
                return false;
            }
            counted = new View(Phase.RESTARTING, view.requestedBy(), view.requestedAt(), view.restartAt(), null, null,
                    List.of());
            view = counted;
        }
        publish(counted);
        log.warn("master restart: stopping every service, then starting them in dependency order");
        List<ServiceName> order = runner.restartAll();
        View done = new View(Phase.DONE, counted.requestedBy(), counted.requestedAt(), counted.restartAt(), null,
                clock.instant(), order);
        synchronized (this) {
            view = done;
        }
        audit.record(counted.requestedBy(), "master_restart_done", null, true, order.size() + " services restarted");
        publish(done);
        return true;
    }

    /** The countdown's thread: waits for the clock to reach the restart time unless cancelled. */
    private void await() {
        while (true) {
            Instant at;
            synchronized (this) {
                if (view.phase() != Phase.COUNTDOWN) {
                    return;
                }
                at = view.restartAt();
            }
            Duration left = Duration.between(clock.instant(), at);
            if (!left.isPositive()) {
                runIfDue(clock.instant());
                return;
            }
            LockSupport.parkNanos(this, Math.min(left.toNanos(), TimeUnit.SECONDS.toNanos(1)));
        }
    }

    private void publish(View v) {
        events.publishEvent(LiveUpdate.latest("master_restart", "all", v));
    }
}
