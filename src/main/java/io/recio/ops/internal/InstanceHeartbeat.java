package io.recio.ops.internal;

import io.recio.RecioProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** This running instance's row in {@code system.instance} and its heartbeat. */
@Repository
class InstanceHeartbeat {

    private final String instanceId = UUID.randomUUID().toString();
    private final JdbcClient jdbc;
    private final RecioProperties properties;

    InstanceHeartbeat(JdbcClient jdbc, RecioProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    String instanceId() {
        return instanceId;
    }

    /** Records this instance (once per process; a second call only beats). */
    void register(Instant now) {
        int updated = jdbc.sql("UPDATE system.instance SET heartbeat_at = ? WHERE instance_id = ?")
                .params(Timestamp.from(now), instanceId).update();
        if (updated > 0) {
            return;
        }
        String version = getClass().getPackage().getImplementationVersion();
        jdbc.sql("""
                INSERT INTO system.instance (instance_id, host, version, mode, started_at, heartbeat_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(instanceId, hostName(), version == null ? "development" : version, properties.mode().name(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** Other instances whose heartbeat is newer than {@code since}. */
    List<SystemHealth.OtherInstance> othersBeatingSince(Instant since) {
        return jdbc.sql("SELECT instance_id, host, mode, started_at, heartbeat_at FROM system.instance"
                        + " WHERE instance_id <> ? AND heartbeat_at >= ? ORDER BY started_at")
                .params(instanceId, Timestamp.from(since))
                .query((rs, n) -> new SystemHealth.OtherInstance(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()))
                .list();
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
