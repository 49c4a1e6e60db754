package io.recio.ops.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceState;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** In-memory registry of managed services; every state change is logged and recorded in {@code system.service_event}. */
@Service
class ServiceRegistry implements ManagedServices {

    private static final Logger log = LoggerFactory.getLogger(ServiceRegistry.class);

    private final Map<String, Handle> services = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;

    ServiceRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public ManagedService register(String name, List<String> dependencies) {
        return services.computeIfAbsent(name, n -> new Handle(n, List.copyOf(dependencies)));
    }

    @Override
    public Optional<ServiceHealth> health(String name) {
        return Optional.ofNullable(services.get(name)).map(Handle::health);
    }

    @Override
    public List<ServiceHealth> all() {
        return services.values().stream().map(Handle::health)
                .sorted(Comparator.comparing(ServiceHealth::name)).toList();
    }

    private void record(String service, ServiceState state, String detail, Instant at) {
        try {
            jdbc.sql("INSERT INTO system.service_event (service, state, detail, occurred_at) VALUES (?, ?, ?, ?)")
                    .params(service, state.name(), detail == null ? null : truncate(detail), Timestamp.from(at))
                    .update();
        } catch (RuntimeException e) {
            // The database may be the thing that is down; the state change is still logged and held in memory.
            log.debug("could not record state of {}: {}", service, e.getMessage());
        }
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }

    private final class Handle implements ManagedService {
        private final String name;
        private final List<String> dependencies;
        private final Map<String, Object> details = new ConcurrentHashMap<>();
        private ServiceState state = ServiceState.STOPPED;
        private Instant since;
        private Instant startedAt;
        private int starts;
        private String lastError;

        Handle(String name, List<String> dependencies) {
            this.name = name;
            this.dependencies = dependencies;
            this.since = clock.instant();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void starting() {
            transition(ServiceState.STARTING, null);
        }

        @Override
        public void running() {
            transition(ServiceState.RUNNING, null);
        }

        @Override
        public void degraded(String reason) {
            transition(ServiceState.DEGRADED, reason);
        }

        @Override
        public void failed(String reason) {
            transition(ServiceState.FAILED, reason);
        }

        @Override
        public void stopped() {
            transition(ServiceState.STOPPED, null);
        }

        @Override
        public void detail(String key, Object value) {
            if (value == null) {
                details.remove(key);
            } else {
                details.put(key, value);
            }
        }

        private void transition(ServiceState next, String reason) {
            Instant now = clock.instant();
            synchronized (this) {
                if (next == state && (reason == null || reason.equals(lastError))) {
                    return;
                }
                if (next == ServiceState.STARTING) {
                    startedAt = now;
                    starts++;
                }
                if (reason != null) {
                    lastError = reason;
                }
                state = next;
                since = now;
            }
            if (next == ServiceState.FAILED || next == ServiceState.DEGRADED) {
                log.warn("service {} is {}: {}", name, next, reason);
            } else {
                log.info("service {} is {}", name, next);
            }
            record(name, next, reason, now);
        }

        @Override
        public synchronized ServiceHealth health() {
            return new ServiceHealth(name, state, since, startedAt, Math.max(0, starts - 1), lastError, dependencies,
                    new TreeMap<>(details));
        }
    }
}
