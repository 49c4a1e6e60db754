package io.recio.testsupport;

import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.ops.TradingImpact;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A service context that remembers what the service reported, for assertions (no runner behind it). */
public final class RecordingContext implements ServiceContext {

    private final ServiceName name;
    private final Map<String, Object> details = new ConcurrentHashMap<>();
    private volatile ServiceState state = ServiceState.RUNNING;
    private volatile String reason;
    private volatile TradingImpact impact = TradingImpact.NONE;
    private volatile boolean stopping;

    public RecordingContext(ServiceName name) {
        this.name = name;
    }

    @Override
    public ServiceName name() {
        return name;
    }

    @Override
    public void healthy() {
        state = ServiceState.RUNNING;
        reason = null;
        impact = TradingImpact.NONE;
    }

    @Override
    public void degraded(String why, TradingImpact what) {
        state = ServiceState.DEGRADED;
        reason = why;
        impact = what;
    }

    @Override
    public boolean stopping() {
        return stopping;
    }

    /** Asks the service to stop, as ops does before calling {@code stop()}. */
    public void requestStop() {
        stopping = true;
    }

    @Override
    public void detail(String key, Object value) {
        if (value == null) {
            details.remove(key);
        } else {
            details.put(key, value);
        }
    }

    /** RUNNING or DEGRADED, as last reported. */
    public ServiceState state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public TradingImpact impact() {
        return impact;
    }

    public Map<String, Object> details() {
        return Map.copyOf(details);
    }
}
