package io.recio.trading.internal;

import io.recio.ops.AlertRaised;
import io.recio.ops.AlertSeverity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What trading tells a person about (reconciliation mismatches, kill-switch trips): published as
 * {@link AlertRaised}; ops records it and decides whom to tell.
 */
@Component
public class AlertLog {

    private final ApplicationEventPublisher events;

    public AlertLog(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** A warning: something needs a look. */
    public void raise(String kind, String subject, String message) {
        raise(kind, AlertSeverity.WARNING, subject, message);
    }

    public void raise(String kind, AlertSeverity severity, String subject, String message) {
        events.publishEvent(new AlertRaised(kind, severity, subject, message));
    }
}
