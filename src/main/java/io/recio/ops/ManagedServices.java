package io.recio.ops;

import java.util.List;
import java.util.Optional;

/** recio's managed services (REC.IO's supervisord programs, now inside one JVM): their health and controls. */
public interface ManagedServices {

    Optional<ServiceHealth> health(ServiceName name);

    /** Every service, in dependency order (a service after the ones it needs). */
    List<ServiceHealth> all();

    /** The services that need {@code name}, directly or through others. */
    List<ServiceName> dependents(ServiceName name);

    /** Starts a stopped or failed service (its dependencies are not started for it); no effect when it is up. */
    void start(ServiceName name);

    /** Stops a service and waits for it; its dependents keep running. */
    void stop(ServiceName name);

    /** Stops and starts a service by the same path as at boot; returns at once with the services affected. */
    Restart restart(ServiceName name);

    /** What a restart touches: the service and the ones that need it (they keep running, without it for a moment). */
    record Restart(ServiceName service, List<ServiceName> affected) {
    }
}
