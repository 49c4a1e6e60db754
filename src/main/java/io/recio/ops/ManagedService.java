package io.recio.ops;

/**
 * The handle a module's service uses to report its own state; obtained from
 * {@link ManagedServices#register}.
 */
public interface ManagedService {

    String name();

    void starting();

    void running();

    /** Still working, but not as it should: the reason is shown in health and the admin panel. */
    void degraded(String reason);

    void failed(String reason);

    void stopped();

    /** Publishes a fact about the service in its health (e.g. "source" → "coinbase"). */
    void detail(String key, Object value);

    ServiceHealth health();
}
