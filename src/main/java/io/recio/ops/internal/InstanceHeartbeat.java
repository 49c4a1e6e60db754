package io.recio.ops.internal;

import io.recio.RecioProperties;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Records this running instance in {@code system.instance} and keeps its heartbeat fresh. */
@Component
class InstanceHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(InstanceHeartbeat.class);

    private final String instanceId = UUID.randomUUID().toString();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RecioProperties properties;
    private volatile boolean registered;

    InstanceHeartbeat(JdbcClient jdbc, Clock clock, RecioProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        String version = getClass().getPackage().getImplementationVersion();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    INSERT INTO system.instance (instance_id, host, version, mode, started_at, heartbeat_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(instanceId, InetAddress.getLocalHost().getHostName(),
                            version == null ? "development" : version, properties.mode().name(), now, now)
                    .update();
            registered = true;
        } catch (Exception e) {
            log.warn("could not record this instance in system.instance: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
    void beat() {
        if (!registered) {
            return;
        }
        try {
            jdbc.sql("UPDATE system.instance SET heartbeat_at = ? WHERE instance_id = ?")
                    .params(Timestamp.from(clock.instant()), instanceId).update();
        } catch (RuntimeException e) {
            log.warn("instance heartbeat failed: {}", e.getMessage());
        }
    }
}
