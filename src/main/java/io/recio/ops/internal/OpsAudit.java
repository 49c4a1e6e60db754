package io.recio.ops.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit of admin actions (restarts, the master restart, admin console commands, alert channel changes) in
 * {@code system.admin_audit} and the log: who did what, and how it ended. A database that cannot record it does
 * not stop the action (it may be what the admin is fixing); the log line remains.
 */
@Component
class OpsAudit {

    private static final Logger log = LoggerFactory.getLogger(OpsAudit.class);

    /** One audited action. */
    record Entry(long id, Instant at, String username, String action, String detail, boolean ok, String outcome) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    OpsAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String username, String action, String detail, boolean ok, String outcome) {
        log.info("AUDIT {} {} {}: {} {}", username, action, detail == null ? "" : detail, ok ? "ok" : "failed",
                outcome == null ? "" : outcome);
        try {
            jdbc.sql("INSERT INTO system.admin_audit (at, username, action, detail, ok, outcome) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(Timestamp.from(clock.instant()), cut(username, 100), cut(action, 64), cut(detail, 2000), ok,
                            cut(outcome, 2000))
                    .update();
        } catch (RuntimeException e) {
            log.warn("could not record the audit of {} by {}: {}", action, username, e.getMessage());
        }
    }

    /** The newest entries first. */
    List<Entry> recent(int limit) {
        return jdbc.sql("SELECT id, at, username, action, detail, ok, outcome FROM system.admin_audit ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7)))
                .list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
