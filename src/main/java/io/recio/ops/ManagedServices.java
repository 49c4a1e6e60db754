package io.recio.ops;

import java.util.List;
import java.util.Optional;

/** The registry of recio's managed services (REC.IO's supervisord programs, now inside one JVM). */
public interface ManagedServices {

    /** Registers a service, or returns the existing handle of that name. */
    ManagedService register(String name, List<String> dependencies);

    Optional<ServiceHealth> health(String name);

    List<ServiceHealth> all();
}
