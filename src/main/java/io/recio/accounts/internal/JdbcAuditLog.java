package io.recio.accounts.internal;

import io.recio.accounts.AuditEntry;
import io.recio.accounts.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit log in {@code users.audit_event}: inserts and reads only. */
@Repository
class JdbcAuditLog implements AuditLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** In its own transaction, so a refused action that rolls back still leaves its line. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String actor, String action, String target, AuditEntry.Outcome outcome, String detail,
                       String source) {
        try {
            jdbc.sql("""
                            INSERT INTO users.audit_event (occurred_at, actor, action, target, outcome, detail, source)
                            VALUES (:at, :actor, :action, :target, :outcome, :detail, :source)""")
                    .param("at", Timestamp.from(clock.instant())).param("actor", cut(actor, 64))
                    .param("action", cut(action, 64)).param("target", cut(target, 200))
                    .param("outcome", outcome.name()).param("detail", cut(detail, 1000))
                    .param("source", cut(source, 64)).update();
        } catch (RuntimeException e) {
            // The action itself already happened (or was refused); losing its audit line must not turn it into an error.
            log.error("could not record the audit line {} {} by {}: {}", action, target, actor, e.getMessage());
        }
    }

    @Override
    public List<AuditEntry> search(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, actor, action, target, outcome, detail, source"
                + " FROM users.audit_event WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.actor() != null) {
            sql.append(" AND actor = ?");
            params.add(f.actor());
        }
        if (f.action() != null) {
            sql.append(" AND action LIKE ?");
            params.add(f.action().replace("%", "").replace("_", "\\_") + "%");
        }
        if (f.outcome() != null) {
            sql.append(" AND outcome = ?");
            params.add(f.outcome().name());
        }
        if (f.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(1000, f.limit())));
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), AuditEntry.Outcome.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
