package io.recio.ops.internal;

import io.recio.ops.AlertRaised;
import io.recio.ops.AlertSeverity;
import io.recio.ops.FreshnessSource;
import io.recio.ops.Incident;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.ops.TradingSuspension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * REC.IO's cascading_failure_detector: each second it restarts services that crashed ({@link RestartPolicy}:
 * exponential back-off, then left FAILED past the cap), suspends new entries while anything makes them unsafe
 * ({@link TradingTrouble}: a critical service down, a service asking for it, data older than its limit) and lifts
 * the suspension after a calm period ({@link SuspensionState}), publishing {@link TradingSuspension} to trading.
 * Each stretch of trouble is an {@link Incident} with its causes and actions.
 */
@Service
class CascadingFailureDetector implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(CascadingFailureDetector.class);

    private final ServiceRunner services;
    private final DatabaseWatchdog database;
    private final ObjectProvider<FreshnessSource> freshness;
    private final IncidentLog incidents;
    private final ApplicationEventPublisher events;
    private final OpsProperties.Detector settings;
    private final RestartPolicy policy;
    private final Clock clock;
    private final Map<ServiceName, List<Instant>> restarts = new HashMap<>();
    private final Set<ServiceName> givenUp = new HashSet<>();
    /** The crash (its FAILED-since time) each service was last restarted for, so one crash gets one restart. */
    private final Map<ServiceName, Instant> handled = new HashMap<>();
    private volatile SuspensionState suspension;
    private Set<String> knownCauses = new LinkedHashSet<>();
    private long incident;
    private Instant graceUntil;
    private boolean published;
    private volatile ServiceContext context;

    CascadingFailureDetector(ServiceRunner services, DatabaseWatchdog database, ObjectProvider<FreshnessSource> freshness,
                             IncidentLog incidents, ApplicationEventPublisher events, OpsProperties properties,
                             Clock clock) {
        this.services = services;
        this.database = database;
        this.freshness = freshness;
        this.incidents = incidents;
        this.events = events;
        this.settings = properties.detector();
        this.policy = new RestartPolicy(settings);
        this.clock = clock;
    }

    @Override
    public ServiceName name() {
        return ServiceName.CASCADING_FAILURE_DETECTOR;
    }

    /** The grace of start-up is counted once per process; a restart of the detector publishes afresh. */
    @Override
    public void start(ServiceContext context) {
        this.context = context;
        if (graceUntil == null) {
            graceUntil = clock.instant().plus(settings.startGrace());
        }
        suspension = new SuspensionState(settings.calmPeriod());
        published = false;
    }

    @Override
    public Duration dutyCycle() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int doWork(Instant now) {
        List<ServiceHealth> all = services.all();
        restartCrashed(all, now);
        List<String> trouble = now.isBefore(graceUntil) ? List.of()
                : TradingTrouble.find(all, freshness.stream().flatMap(f -> f.freshness(now).stream()).toList(), now,
                settings, services::dependents);
        SuspensionState.Change change = suspension.step(trouble, now);
        // trading first: recording and alerting may wait on the database (the trouble itself, perhaps)
        if (!published || change == SuspensionState.Change.SUSPENDED || change == SuspensionState.Change.REASONS
                || change == SuspensionState.Change.RESUMED) {
            try {
                events.publishEvent(new TradingSuspension(suspension.suspended(), suspension.reasons(), now));
                published = true;
            } catch (RuntimeException e) {
                // a listener failed (the database may be away): the detector must live on; the next second tries again
                published = false;
                log.warn("the trading suspension could not be handed on: {}", e.getMessage());
            }
        }
        for (String cause : trouble) {
            if (knownCauses.add(cause.replaceAll("\\d+", "#"))) {
                cause(cause, now);
            }
        }
        switch (change) {
            case SUSPENDED -> {
                action("suspended new entries: " + String.join("; ", trouble), now);
                alert("TRADING_SUSPENDED", AlertSeverity.WARNING, null, "new entries suspended: "
                        + String.join("; ", trouble));
            }
            case CALMING -> action("the trouble is gone; trading resumes at " + suspension.resumesAt()
                    + " unless it returns", now);
            case RESUMED -> {
                action("resumed trading after " + settings.calmPeriod().toSeconds() + " s without trouble", now);
                alert("TRADING_RESUMED", AlertSeverity.INFO, null, "trading resumed after "
                        + settings.calmPeriod().toSeconds() + " s without trouble");
            }
            case REASONS, NONE -> {
            }
        }
        boolean crashed = all.stream().anyMatch(h -> services.crashed(h.name()) && !givenUp.contains(h.name()));
        if (incident != 0 && trouble.isEmpty() && !suspension.suspended() && !crashed) {
            incidents.close(incident, now);
            incident = 0;
            knownCauses = new LinkedHashSet<>();
        }
        report();
        return 0;
    }

    private void restartCrashed(List<ServiceHealth> all, Instant now) {
        for (ServiceHealth h : all) {
            List<Instant> made = restarts.computeIfAbsent(h.name(), n -> new ArrayList<>());
            made.removeIf(t -> t.isBefore(now.minus(settings.restartWindow())));
            if (h.state().isUp()) {
                givenUp.remove(h.name());
            }
            if (h.state() != ServiceState.FAILED || !services.crashed(h.name()) || givenUp.contains(h.name())
                    || h.since().equals(handled.get(h.name()))) {
                continue;
            }
            if (knownCauses.add(h.name() + " crashed " + h.since())) {
                cause(h.name() + " crashed: " + h.lastError(), now);
            }
            if (!database.reachable()) {
                // it would crash again on the missing database and spend its restarts: restarted once it answers
                continue;
            }
            switch (policy.decide(h.since(), made, now)) {
                case RestartPolicy.Decision.Restart r -> {
                    made.add(now);
                    handled.put(h.name(), h.since());
                    List<ServiceName> affected = services.restart(h.name()).affected();
                    action("restarted " + h.name() + " (restart " + r.number() + " of at most "
                            + settings.maxRestarts() + " in " + settings.restartWindow().toMinutes() + " min)"
                            + (affected.isEmpty() ? "" : "; " + String.join(", ", affected.stream()
                            .map(ServiceName::value).toList()) + " need it"), now);
                }
                case RestartPolicy.Decision.GiveUp g -> {
                    givenUp.add(h.name());
                    String text = "gave up on " + h.name() + " after " + g.restarts() + " restarts in "
                            + settings.restartWindow().toMinutes() + " min; it stays FAILED until restarted by hand";
                    action(text, now);
                    alert("SERVICE_FAILED", AlertSeverity.CRITICAL, h.name().value(), text + " (last error: "
                            + h.lastError() + ")");
                }
                case RestartPolicy.Decision.Wait w -> {
                }
            }
        }
    }

    private void alert(String kind, AlertSeverity severity, String subject, String message) {
        events.publishEvent(new AlertRaised(kind, severity, subject, message));
    }

    private void cause(String text, Instant now) {
        if (incident == 0) {
            // -1 when the database could not record it (it may be the trouble): still one incident in memory
            incident = incidents.open(text, now);
        } else {
            incidents.add(incident, Incident.Kind.CAUSE, text, now);
        }
    }

    private void action(String text, Instant now) {
        if (incident == 0) {
            cause(text, now);
        } else {
            incidents.add(incident, Incident.Kind.ACTION, text, now);
        }
    }

    private void report() {
        ServiceContext c = context;
        c.detail("trading_suspended", suspension.suspended());
        c.detail("suspension_reasons", suspension.reasons().isEmpty() ? null : String.join("; ", suspension.reasons()));
        c.detail("given_up", givenUp.isEmpty() ? null : String.join(", ", givenUp.stream().map(ServiceName::value)
                .sorted().toList()));
        if (givenUp.isEmpty()) {
            c.healthy();
        } else {
            c.degraded("left FAILED after too many restarts: " + String.join(", ", givenUp.stream()
                    .map(ServiceName::value).sorted().toList()));
        }
    }

    /** Whether new entries are suspended now. */
    boolean suspended() {
        SuspensionState s = suspension;
        return s != null && s.suspended();
    }

    @Override
    public void stop() {
        // trading keeps the last suspension published until the detector runs again: stopping it lifts nothing
    }
}
