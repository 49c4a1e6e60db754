package io.recio.ops.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The system monitor's samples in {@code system.health_status}: written, read back as a series, expired. */
@Repository
class HealthStore {

    /** One sample in the health history. */
    record Point(Instant at, Double cpuPercent, Double memoryPercent, Double diskPercent, Double heapPercent,
                 int threads, long gcPauseMs, boolean dbOk, Long dbPingMs, int servicesTotal, int servicesRunning,
                 int servicesDegraded, int servicesFailed) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HealthStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(SystemHealth h) {
        jdbc.sql("""
                INSERT INTO system.health_status (sampled_at, instance_id, cpu_percent, memory_percent, disk_percent,
                    heap_percent, threads, gc_pause_ms, db_ok, db_ping_ms, services_total, services_running,
                    services_degraded, services_failed, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(h.timestamp()), h.instanceId(), h.cpu().percent(), h.memory().percent(),
                        h.disk().percent(), h.jvm().heapPercent(), h.jvm().threads(), h.jvm().gcPauseMs(),
                        h.database().reachable(), h.database().pingMs(), h.services().total(), h.services().running(),
                        h.services().degraded(), h.services().failed(), json.writeValueAsString(h))
                .update();
    }

    /** The samples in [from, to], oldest first, at most {@code max}: a longer range is thinned evenly. */
    List<Point> between(Instant from, Instant to, int max) {
        long count = jdbc.sql("SELECT COUNT(*) FROM system.health_status WHERE sampled_at BETWEEN ? AND ?")
                .params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
        long every = Math.max(1, (count + max - 1) / max);
        List<Point> points = new ArrayList<>();
        long[] row = {0};
        jdbc.sql("""
                SELECT sampled_at, cpu_percent, memory_percent, disk_percent, heap_percent, threads, gc_pause_ms,
                    db_ok, db_ping_ms, services_total, services_running, services_degraded, services_failed
                FROM system.health_status WHERE sampled_at BETWEEN ? AND ? ORDER BY sampled_at""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    if (row[0]++ % every == 0) {
                        points.add(new Point(rs.getTimestamp(1).toInstant(), (Double) rs.getObject(2),
                                (Double) rs.getObject(3), (Double) rs.getObject(4), (Double) rs.getObject(5),
                                rs.getInt(6), rs.getLong(7), rs.getBoolean(8),
                                rs.getObject(9) == null ? null : rs.getLong(9), rs.getInt(10), rs.getInt(11),
                                rs.getInt(12), rs.getInt(13)));
                    }
                });
        return points;
    }

    /** Deletes samples older than {@code cutoff}; returns how many went. */
    int deleteBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM system.health_status WHERE sampled_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
