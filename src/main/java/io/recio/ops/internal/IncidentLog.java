package io.recio.ops.internal;

import io.recio.LiveUpdate;
import io.recio.ops.Incident;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The incidents in {@code system.incident} and {@code system.incident_entry}. Every line is also logged, so an
 * incident is not lost when the database is what failed.
 */
@Repository
class IncidentLog {

    private static final Logger log = LoggerFactory.getLogger(IncidentLog.class);
    private static final int TEXT = 2000;

    /** How many incidents the System page lists (the {@code incidents} push). */
    static final int LISTED = 10;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    IncidentLog(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Pushes the newest incidents to the System pages after a change. */
    private void pushed() {
        try {
            events.publishEvent(LiveUpdate.latest("incidents", "all", recent(LISTED)));
        } catch (RuntimeException e) {
            log.warn("could not read the incidents to push them: {}", e.getMessage());
        }
    }

    /** Opens an incident with its first cause; returns its id, or -1 when the database could not record it. */
    long open(String cause, Instant at) {
        log.warn("incident: {}", cause);
        try {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO system.incident (title, opened_at) VALUES (?, ?)")
                    .params(cut(cause, 500), Timestamp.from(at)).update(key, "id");
            long id = key.getKeyAs(Number.class).longValue();
            insertEntry(id, Incident.Kind.CAUSE, cause, at);
            pushed();
            return id;
        } catch (RuntimeException e) {
            log.warn("could not record the incident: {}", e.getMessage());
            return -1;
        }
    }

    void add(long incident, Incident.Kind kind, String text, Instant at) {
        log.warn("incident {}: {} {}", incident, kind.name().toLowerCase(java.util.Locale.ROOT), text);
        if (incident <= 0) {
            return;
        }
        try {
            insertEntry(incident, kind, text, at);
            pushed();
        } catch (RuntimeException e) {
            log.warn("could not record the incident's {}: {}", kind, e.getMessage());
        }
    }

    void close(long incident, Instant at) {
        log.info("incident {} closed", incident);
        if (incident <= 0) {
            return;
        }
        try {
            jdbc.sql("UPDATE system.incident SET closed_at = ? WHERE id = ?").params(Timestamp.from(at), incident)
                    .update();
            pushed();
        } catch (RuntimeException e) {
            log.warn("could not record the end of incident {}: {}", incident, e.getMessage());
        }
    }

    /** The newest {@code limit} incidents, newest first, with their entries. */
    List<Incident> recent(int limit) {
        Map<Long, Incident> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT id, title, opened_at, closed_at FROM system.incident ORDER BY id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new Incident(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), new ArrayList<>()))
                .list().forEach(i -> byId.put(i.id(), i));
        if (byId.isEmpty()) {
            return List.of();
        }
        long oldest = byId.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
        jdbc.sql("SELECT incident_id, kind, text, at FROM system.incident_entry WHERE incident_id >= ? ORDER BY id")
                .param(oldest)
                .query(rs -> {
                    Incident i = byId.get(rs.getLong(1));
                    if (i != null) {
                        i.entries().add(new Incident.Entry(Incident.Kind.valueOf(rs.getString(2)), rs.getString(3),
                                rs.getTimestamp(4).toInstant()));
                    }
                });
        return byId.values().stream().map(i -> new Incident(i.id(), i.title(), i.openedAt(), i.closedAt(),
                List.copyOf(i.entries()))).toList();
    }

    private void insertEntry(long incident, Incident.Kind kind, String text, Instant at) {
        jdbc.sql("INSERT INTO system.incident_entry (incident_id, kind, text, at) VALUES (?, ?, ?, ?)")
                .params(incident, kind.name(), cut(text, TEXT), Timestamp.from(at)).update();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
