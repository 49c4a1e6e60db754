package io.recio.kalshi.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A managed-service registry that only remembers each service's state and details, for assertions. */
final class RecordingServices implements ManagedServices {

    private final Map<String, Handle> handles = new ConcurrentHashMap<>();

    private static final class Handle implements ManagedService {
        private final String name;
        private final List<String> dependencies;
        private final Map<String, Object> details = new ConcurrentHashMap<>();
        private volatile ServiceState state = ServiceState.STOPPED;
        private volatile String lastError;

        Handle(String name, List<String> dependencies) {
            this.name = name;
            this.dependencies = dependencies;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void starting() {
            state = ServiceState.STARTING;
        }

        @Override
        public void running() {
            state = ServiceState.RUNNING;
        }

        @Override
        public void degraded(String reason) {
            state = ServiceState.DEGRADED;
            lastError = reason;
        }

        @Override
        public void failed(String reason) {
            state = ServiceState.FAILED;
            lastError = reason;
        }

        @Override
        public void stopped() {
            state = ServiceState.STOPPED;
        }

        @Override
        public void detail(String key, Object value) {
            details.put(key, value);
        }

        @Override
        public ServiceHealth health() {
            return new ServiceHealth(name, state, Instant.EPOCH, null, 0, lastError, dependencies, Map.copyOf(details));
        }
    }

    @Override
    public ManagedService register(String name, List<String> dependencies) {
        return handles.computeIfAbsent(name, n -> new Handle(n, List.copyOf(dependencies)));
    }

    @Override
    public Optional<ServiceHealth> health(String name) {
        return Optional.ofNullable(handles.get(name)).map(Handle::health);
    }

    @Override
    public List<ServiceHealth> all() {
        return handles.values().stream().map(Handle::health).toList();
    }
}
