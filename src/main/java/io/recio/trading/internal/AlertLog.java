package io.recio.trading.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Trading's alerts (reconciliation mismatches, kill-switch trips) in {@code trading.alert} and the log. */
@Repository
public class AlertLog {

    private static final Logger log = LoggerFactory.getLogger(AlertLog.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    public AlertLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void raise(String kind, String subject, String message) {
        log.warn("ALERT {} {}: {}", kind, subject == null ? "" : subject, message);
        jdbc.sql("INSERT INTO trading.alert (kind, subject, message, raised_at) VALUES (?, ?, ?, ?)")
                .params(kind, subject, message.length() > 1000 ? message.substring(0, 1000) : message,
                        TradeManager.ts(clock.instant()))
                .update();
    }

    public List<Map<String, Object>> recent(int limit) {
        return jdbc.sql("SELECT kind, subject, message, raised_at FROM trading.alert ORDER BY id DESC LIMIT ?")
                .param(limit).query().listOfRows();
    }

    public long count(String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM trading.alert WHERE kind = ?").param(kind).query(Long.class).single();
    }
}
