package io.recio.ops.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** REC.IO's system_monitor: records this instance in {@code system.instance} and keeps its heartbeat fresh. */
@Service
class SystemMonitor implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(SystemMonitor.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final InstanceHeartbeat heartbeat;
    private volatile ServiceContext context;
    private Instant nextBeat = Instant.MIN;

    SystemMonitor(InstanceHeartbeat heartbeat) {
        this.heartbeat = heartbeat;
    }

    @Override
    public ServiceName name() {
        return ServiceName.SYSTEM_MONITOR;
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        context.detail("instance_id", heartbeat.instanceId());
        nextBeat = Instant.MIN;
    }

    @Override
    public Duration dutyCycle() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int doWork(Instant now) {
        if (now.isBefore(nextBeat)) {
            return 0;
        }
        nextBeat = now.plus(HEARTBEAT);
        try {
            heartbeat.register(now);
            context.healthy();
        } catch (RuntimeException e) {
            log.warn("instance heartbeat failed: {}", e.getMessage());
            context.degraded("cannot record the instance heartbeat: " + e.getMessage());
        }
        return 1;
    }

    @Override
    public void stop() {
        context = null;
    }
}
