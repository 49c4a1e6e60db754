package io.recio.ops.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.recio.ops.Freshness;
import io.recio.ops.FreshnessSource;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ops' Micrometer gauges (at {@code /actuator/prometheus}): each service's state, restarts and criticality,
 * whether trading is suspended by the detector, and the age of each piece of data trading needs. Registered once
 * the services and data sources are all known.
 */
@Component
class OpsMetrics {

    private final MeterRegistry registry;
    private final ServiceRunner services;
    private final CascadingFailureDetector detector;
    private final ObjectProvider<FreshnessSource> freshness;
    private final Clock clock;

    OpsMetrics(MeterRegistry registry, ServiceRunner services, CascadingFailureDetector detector,
               ObjectProvider<FreshnessSource> freshness, Clock clock) {
        this.registry = registry;
        this.services = services;
        this.detector = detector;
        this.freshness = freshness;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (ServiceHealth h : services.all()) {
            ServiceName name = h.name();
            for (ServiceState state : ServiceState.values()) {
                Gauge.builder("recio.service.state", () -> services.health(name).map(x -> x.state() == state ? 1 : 0)
                                .orElse(0))
                        .description("1 for the state a managed service is in, 0 for the others")
                        .tags("service", name.value(), "state", state.name()).register(registry);
            }
            Gauge.builder("recio.service.restarts", () -> services.health(name).map(ServiceHealth::restarts).orElse(0))
                    .description("how often a managed service was started again").tag("service", name.value())
                    .register(registry);
        }
        Gauge.builder("recio.trading.suspended", () -> detector.suspended() ? 1 : 0)
                .description("1 while the cascading-failure detector suspends new entries").register(registry);
        Instant now = clock.instant();
        freshness.forEach(source -> source.freshness(now).forEach(f -> Gauge.builder("recio.data.age",
                        () -> age(source, f.subject()))
                .description("seconds since the newest good data of this kind (NaN while there is none)")
                .baseUnit("seconds").tags("subject", f.subject(), "kind", f.kind().name()).register(registry)));
    }

    private double age(FreshnessSource source, String subject) {
        Instant now = clock.instant();
        return source.freshness(now).stream().filter(f -> f.subject().equals(subject)).findFirst()
                .map(f -> f.age(now)).map(Duration::toMillis).map(ms -> ms / 1000.0).orElse(Double.NaN);
    }
}
