package io.recio.ops.internal;

import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every state change of a managed service, in {@code system.service_event}. */
@Repository
class ServiceEventLog {

    private static final Logger log = LoggerFactory.getLogger(ServiceEventLog.class);

    private final JdbcClient jdbc;

    ServiceEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(ServiceName service, ServiceState state, String detail, Instant at) {
        try {
            jdbc.sql("INSERT INTO system.service_event (service, state, detail, occurred_at) VALUES (?, ?, ?, ?)")
                    .params(service.value(), state.name(), detail == null ? null : truncate(detail), Timestamp.from(at))
                    .update();
        } catch (RuntimeException e) {
            // The database may be the thing that is down; the change is still logged and held in memory.
            log.debug("could not record state of {}: {}", service, e.getMessage());
        }
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
