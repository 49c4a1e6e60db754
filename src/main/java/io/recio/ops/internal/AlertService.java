package io.recio.ops.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.recio.ApiProblem;
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

    /**
     * A channel as the admin panel lists it: never its secret (webhook URL, token), the account masked.
     *
     * @param enabled     whether alerts go out through it now
     * @param wanted      whether it is switched on (it may still lack a field or its server)
     * @param source      {@code settings} (saved in the System page), {@code configuration} (its keys) or
     *                    {@code plug-in} (another module's channel, not configurable here)
     * @param unavailable what keeps it from sending besides its fields, or null
     */
    record ChannelStatus(String name, boolean enabled, AlertSeverity minSeverity, boolean wanted, String source,
                         String unavailable, List<FieldView> fields) {
    }

    /** One field of a channel: its value unless secret ({@code set} says whether it has one). */
    record FieldView(String name, String label, boolean required, boolean secret, String value, boolean set) {
    }

    /** A change of a channel's settings: a null field keeps its value, an empty one clears it. */
    record ChannelChange(Boolean enabled, String target, String sender, String account, String secret,
                         AlertSeverity minSeverity) {
        /** The secret redacted: Spring logs request bodies at debug level. */
        @Override
        public String toString() {
            return "ChannelChange[enabled=" + enabled + ", target=" + target + ", sender=" + sender + ", account="
                    + account + ", secret=" + (secret == null ? null : "[redacted]") + ", minSeverity=" + minSeverity
                    + "]";
        }
    }

    private final JdbcClient jdbc;
    private final AlertChannelSettings settings;
    private final ObjectProvider<AlertChannel> channels;
    private final AlertProperties properties;
    private final Clock clock;
    private final String host = InstanceHeartbeat.hostName();
    private final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(1000);

    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;

    AlertService(JdbcClient jdbc, ObjectProvider<AlertChannel> channels, AlertProperties properties, Clock clock,
                 MeterRegistry meters, ApplicationEventPublisher events, AlertChannelSettings settings) {
        this.settings = settings;
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

    /** The error without the channel's secret: the JDK quotes a URI it refuses whole, token and all. */
    private static String redacted(AlertChannel channel, String error) {
        if (channel instanceof ConfigurableChannel c) {
            String secret = c.settings().secret();
            if (!ChannelSettings.blank(secret)) {
                return error.replace(secret, "[secret]");
            }
        }
        return error;
    }

    private Delivery deliver(AlertChannel channel, Alert alert) {
        String error = null;
        try {
            channel.send(alert);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = redacted(channel, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
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
        return channels.stream().map(AlertService::status).toList();
    }

    private static ChannelStatus status(AlertChannel c) {
        if (!(c instanceof ConfigurableChannel cc)) {
            return new ChannelStatus(c.name(), c.enabled(), c.minSeverity(), c.enabled(), "plug-in", null, List.of());
        }
        ChannelSettings s = cc.settings();
        List<FieldView> fields = cc.fields().stream().map(f -> {
            String value = s.field(f.name());
            boolean set = !ChannelSettings.blank(value);
            String shown = !set || f.name().equals("secret") ? null : f.name().equals("account") ? mask(value) : value;
            return new FieldView(f.name(), f.label(), f.required(), f.name().equals("secret"), shown, set);
        }).toList();
        return new ChannelStatus(c.name(), c.enabled(), c.minSeverity(), s.enabled(),
                cc.setByAdmin() ? "settings" : "configuration", cc.unavailable(), fields);
    }

    /** The first two and last four characters of an account id. */
    private static String mask(String value) {
        return value.length() <= 8 ? "…" : value.substring(0, 2) + "…" + value.substring(value.length() - 4);
    }

    /**
     * Saves the admin's settings of one of ops' channels over its current ones; answers the channel as listed.
     * A channel switched on must have every required field; a webhook's URL must be http(s).
     */
    ChannelStatus configure(String name, ChannelChange change, String by) {
        ConfigurableChannel channel = channels.stream().filter(c -> c.name().equals(name))
                .filter(ConfigurableChannel.class::isInstance).map(ConfigurableChannel.class::cast).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("no configurable alert channel named '" + name + "'"));
        ChannelSettings now = channel.settings();
        ChannelSettings next = new ChannelSettings(change.enabled() == null ? now.enabled() : change.enabled(),
                or(change.target(), now.target()), or(change.sender(), now.sender()), or(change.account(), now.account()),
                or(change.secret(), now.secret()), change.minSeverity() == null ? now.minSeverity() : change.minSeverity());
        for (ConfigurableChannel.Field f : channel.fields()) {
            String value = next.field(f.name());
            if (next.enabled() && f.required() && ChannelSettings.blank(value)) {
                throw ApiProblem.badInput(f.name(), f.label() + " is needed to switch the " + name + " channel on");
            }
            if (value != null && value.length() > (f.name().equals("secret") ? 1000 : 200)) {
                throw ApiProblem.badInput(f.name(), f.label() + " is too long");
            }
        }
        if (name.equals("webhook") && !ChannelSettings.blank(next.secret())
                && !next.secret().matches("https?://[^\\s/]+.*")) {
            throw ApiProblem.badInput("secret", "the URL must start with http:// or https://");
        }
        settings.save(name, next, by);
        return status(channel);
    }

    /** null keeps the current value; blank clears it. */
    private static String or(String given, String current) {
        return given == null ? current : given.isBlank() ? null : given.strip();
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
