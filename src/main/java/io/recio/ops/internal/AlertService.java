package io.recio.ops.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.recio.LiveUpdate;
import io.recio.ops.Alert;
import io.recio.ops.AlertChannel;
import io.recio.ops.AlertRaised;
import io.recio.ops.AlertSeverity;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Decides whom to tell about each {@link AlertRaised}: the same kind and subject once per de-duplication window,
 * at most {@code max-per-hour} sent, only when a channel takes its severity; keeps every alert in
 * {@code system.alert} with what became of it, queues the ones to send for the {@link AlertDispatcher}, and
 * records every delivery, failed or not, in {@code system.alert_delivery}.
 */
@Service
class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    /** What became of an alert. */
    enum Status { SENT, DUPLICATE, RATE_LIMITED, NO_CHANNEL }

    /** One alert of the history. */
    record Row(long id, Instant raisedAt, String kind, AlertSeverity severity, String subject, String message,
               Status status, List<Delivery> deliveries) {
    }

    /** One attempt to deliver an alert through a channel. */
    record Delivery(String channel, Instant at, boolean ok, String error) {
    }

    /** A channel as the admin panel lists it (never its address or token). */
    record ChannelStatus(String name, boolean enabled, AlertSeverity minSeverity) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<AlertChannel> channels;
    private final AlertProperties properties;
    private final Clock clock;
    private final String host = InstanceHeartbeat.hostName();
    private final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(1000);

    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;

    AlertService(JdbcClient jdbc, ObjectProvider<AlertChannel> channels, AlertProperties properties, Clock clock,
                 MeterRegistry meters, ApplicationEventPublisher events) {
        this.meters = meters;
        this.events = events;
        this.jdbc = jdbc;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(AlertRaised raised) {
        raise(raised);
    }

    /** Records the alert and, unless it is a duplicate, over the rate limit or for no channel, queues it. */
    Status raise(AlertRaised raised) {
        Instant now = clock.instant();
        log.warn("ALERT {} {} {}: {}", raised.severity(), raised.kind(), raised.subject() == null ? ""
                : raised.subject(), raised.message());
        Status status;
        long id = 0;
        try {
            status = decide(raised, now);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO system.alert (raised_at, kind, severity, subject, message, status) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(Timestamp.from(now), cut(raised.kind(), 64), raised.severity().name(),
                            raised.subject() == null ? null : cut(raised.subject(), 200), cut(raised.message(), 2000),
                            status.name())
                    .update(key, "id");
            id = key.getKeyAs(Number.class).longValue();
        } catch (RuntimeException e) {
            // the database may be what is wrong: the alert still goes out
            log.warn("could not record the alert: {}", e.getMessage());
            status = wanted(raised.severity()) ? Status.SENT : Status.NO_CHANNEL;
        }
        meters.counter("recio.alerts", "kind", raised.kind(), "severity", raised.severity().name(), "status",
                status.name()).increment();
        if (status == Status.SENT && !queue.offer(new Alert(id, raised.kind(), raised.severity(), raised.subject(),
                raised.message(), now, host))) {
            log.warn("alert queue full; alert {} not sent", id);
        }
        pushRecent();
        return status;
    }

    private Status decide(AlertRaised raised, Instant now) {
        if (!wanted(raised.severity())) {
            return Status.NO_CHANNEL;
        }
        long same = jdbc.sql("SELECT COUNT(*) FROM system.alert WHERE kind = ? AND " + (raised.subject() == null
                        ? "subject IS NULL" : "subject = ?") + " AND status = 'SENT' AND raised_at > ?")
                .params(raised.subject() == null
                        ? List.of(raised.kind(), Timestamp.from(now.minus(properties.dedupWindow())))
                        : List.of(raised.kind(), raised.subject(), Timestamp.from(now.minus(properties.dedupWindow()))))
                .query(Long.class).single();
        if (same > 0) {
            return Status.DUPLICATE;
        }
        long lastHour = jdbc.sql("SELECT COUNT(*) FROM system.alert WHERE status = 'SENT' AND raised_at > ?")
                .param(Timestamp.from(now.minus(Duration.ofHours(1)))).query(Long.class).single();
        return lastHour >= properties.maxPerHour() ? Status.RATE_LIMITED : Status.SENT;
    }

    private boolean wanted(AlertSeverity severity) {
        return channels.stream().anyMatch(c -> c.enabled() && severity.compareTo(c.minSeverity()) >= 0);
    }

    /** The alerts waiting to be sent, oldest first (the dispatcher's work). */
    List<Alert> takeQueued() {
        List<Alert> list = new ArrayList<>();
        queue.drainTo(list);
        return list;
    }

    /** Sends one alert through every enabled channel that takes its severity; returns the deliveries. */
    List<Delivery> deliver(Alert alert) {
        List<Delivery> done = new ArrayList<>();
        channels.forEach(c -> {
            if (c.enabled() && alert.severity().compareTo(c.minSeverity()) >= 0) {
                done.add(deliver(c, alert));
            }
        });
        return done;
    }

    /** A test alert through every enabled channel (or the one named), whatever its severity threshold. */
    List<Delivery> test(String only, String by) {
        Alert alert = new Alert(0, "TEST", AlertSeverity.INFO, null, "test alert sent by " + by
                + " from the admin panel", clock.instant(), host);
        List<Delivery> done = new ArrayList<>();
        channels.forEach(c -> {
            if (c.enabled() && (only == null || only.equals(c.name()))) {
                done.add(deliver(c, alert));
            }
        });
        return done;
    }

    private Delivery deliver(AlertChannel channel, Alert alert) {
        String error = null;
        try {
            channel.send(alert);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("alert {} not delivered by {}: {}", alert.id(), channel.name(), error);
        }
        Delivery d = new Delivery(channel.name(), clock.instant(), error == null, error == null ? null : cut(error, 1000));
        if (alert.id() > 0) {
            try {
                jdbc.sql("INSERT INTO system.alert_delivery (alert_id, channel, delivered_at, ok, error) VALUES (?, ?, ?, ?, ?)")
                        .params(alert.id(), d.channel(), Timestamp.from(d.at()), d.ok(), d.error()).update();
            } catch (RuntimeException e) {
                log.warn("could not record the delivery of alert {}: {}", alert.id(), e.getMessage());
            }
        }
        return d;
    }

    List<ChannelStatus> channels() {
        return channels.stream().map(c -> new ChannelStatus(c.name(), c.enabled(), c.minSeverity())).toList();
    }

    /** How many alerts the System page lists (the {@code alerts} push). */
    static final int LISTED = 10;

    /** Pushes the newest alerts with their deliveries to the System pages. */
    void pushRecent() {
        try {
            events.publishEvent(LiveUpdate.latest("alerts", "all", recent(LISTED)));
        } catch (RuntimeException e) {
            log.warn("could not read the alerts to push them: {}", e.getMessage());
        }
    }

    /** The newest alerts with their deliveries, newest first. */
    List<Row> recent(int limit) {
        List<Row> rows = jdbc.sql("SELECT id, raised_at, kind, severity, subject, message, status FROM system.alert"
                        + " ORDER BY id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        AlertSeverity.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        Status.valueOf(rs.getString(7)), List.of()))
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        long oldest = rows.getLast().id();
        Map<Long, List<Delivery>> byAlert = new HashMap<>();
        jdbc.sql("SELECT alert_id, channel, delivered_at, ok, error FROM system.alert_delivery WHERE alert_id >= ?"
                        + " ORDER BY id").param(oldest)
                .query(rs -> {
                    byAlert.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Delivery(rs.getString(2),
                            rs.getTimestamp(3).toInstant(), rs.getBoolean(4), rs.getString(5)));
                });
        return rows.stream().map(r -> new Row(r.id(), r.raisedAt(), r.kind(), r.severity(), r.subject(), r.message(),
                r.status(), List.copyOf(byAlert.getOrDefault(r.id(), List.of())))).toList();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
