package io.recio.ops;

/**
 * What ops hands a service when it starts: the way to report its own health. The runner decides
 * STARTING, FAILED and STOPPED; the service says whether it works well ({@link #healthy}) or not
 * ({@link #degraded}). Reports made while it is starting take effect once {@code start} returns.
 */
public interface ServiceContext {

    ServiceName name();

    /** Working as it should (RUNNING). */
    void healthy();

    /** Working, but with a problem harmless to trading (DEGRADED); the reason is shown everywhere. */
    default void degraded(String reason) {
        degraded(reason, TradingImpact.NONE);
    }

    /** Working, but with a problem (DEGRADED) whose {@code impact} the cascading-failure detector acts on. */
    void degraded(String reason, TradingImpact impact);

    /** Whether ops wants the service to stop: a long duty cycle looks at it and returns early. */
    boolean stopping();

    /**
     * Publishes a fact about the service in its health (e.g. "source" → "coinbase"), shown as its text
     * ({@code String.valueOf}); null removes it.
     */
    void detail(String key, Object value);
}
