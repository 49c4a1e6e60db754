package io.recio.ops.internal;

import io.recio.ops.Alert;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The managed service {@code alert_dispatcher}: each second it sends the queued alerts through their channels (a
 * slow mail server never holds up whoever raised the alert), DEGRADED while its last delivery failed somewhere.
 */
@org.springframework.stereotype.Service
class AlertDispatcher implements ManagedService {

    private final AlertService alerts;
    private volatile ServiceContext context;

    AlertDispatcher(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public ServiceName name() {
        return ServiceName.ALERT_DISPATCHER;
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        context.detail("channels", String.join(", ", alerts.channels().stream().filter(AlertService.ChannelStatus::enabled)
                .map(AlertService.ChannelStatus::name).toList()));
    }

    @Override
    public Duration dutyCycle() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int doWork(Instant now) {
        List<Alert> queued = alerts.takeQueued();
        for (Alert alert : queued) {
            List<AlertService.Delivery> failed = alerts.deliver(alert).stream().filter(d -> !d.ok()).toList();
            if (failed.isEmpty()) {
                context.healthy();
            } else {
                context.degraded("alert " + alert.id() + " not delivered: " + String.join("; ", failed.stream()
                        .map(d -> d.channel() + ": " + d.error()).toList()));
            }
        }
        if (!queued.isEmpty()) {
            alerts.pushRecent();
        }
        return queued.size();
    }

    @Override
    public void stop() {
        // alerts still queued are sent after the next start
    }
}
