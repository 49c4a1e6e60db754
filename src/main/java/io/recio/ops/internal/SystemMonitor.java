package io.recio.ops.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.recio.LiveUpdate;
import io.recio.RecioProperties;
import io.recio.ops.AlertRaised;
import io.recio.ops.AlertSeverity;
import io.recio.ops.Freshness;
import io.recio.ops.FreshnessSource;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * REC.IO's system_monitor: every {@code recio.ops.monitor.interval} it samples the host (CPU, memory, disk of the
 * data directory), the JVM (heap, threads, garbage collection), the database (reachable, ping, pool), every
 * service's state and the age of the data trading needs, stores the sample in {@code system.health_status}
 * (expired after the retention), and keeps this instance's heartbeat in {@code system.instance}. Another recio
 * process on the same database (a fresh heartbeat) or on the same data directory (its lock file held) makes it
 * DEGRADED, with an alert: it never stops anything itself.
 */
@Service
class SystemMonitor implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(SystemMonitor.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration RETENTION_EVERY = Duration.ofHours(1);
    private static final double GB = 1024.0 * 1024 * 1024;
    private static final double MB = 1024.0 * 1024;

    private final InstanceHeartbeat heartbeat;
    private final HealthStore store;
    private final ServiceRunner services;
    private final ObjectProvider<FreshnessSource> freshness;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final OpsProperties.Monitor settings;
    private final Path dataDir;
    private final HostProbe host;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile ServiceContext context;
    private volatile SystemHealth latest;
    private Instant nextBeat;
    private Instant nextSample;
    private Instant nextRetention;
    private long lastGcMillis = -1;
    private FileChannel lockChannel;
    private FileLock dataDirLock;
    private volatile boolean dataDirTaken;
    private final LogFiles logs;
    private Map<String, Long> logSizes = Map.of();

    SystemMonitor(InstanceHeartbeat heartbeat, HealthStore store, ServiceRunner services,
                  ObjectProvider<FreshnessSource> freshness, JdbcClient jdbc, DataSource dataSource,
                  OpsProperties properties, RecioProperties recio, Clock clock, ApplicationEventPublisher events,
                  LogFiles logs) {
        this.events = events;
        this.logs = logs;
        this.heartbeat = heartbeat;
        this.store = store;
        this.services = services;
        this.freshness = freshness;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.settings = properties.monitor();
        this.dataDir = recio.dataDir();
        this.host = new HostProbe(dataDir);
        this.clock = clock;
    }

    @Override
    public ServiceName name() {
        return ServiceName.SYSTEM_MONITOR;
    }

    @Override
    public void start(ServiceContext context) throws IOException {
        this.context = context;
        context.detail("instance_id", heartbeat.instanceId());
        nextBeat = null;
        nextSample = null;
        nextRetention = null;
        lockDataDir();
    }

    @Override
    public Duration dutyCycle() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int doWork(Instant now) {
        int work = 0;
        if (nextBeat == null || !now.isBefore(nextBeat)) {
            nextBeat = now.plus(HEARTBEAT);
            try {
                heartbeat.register(now);
            } catch (RuntimeException e) {
                log.warn("instance heartbeat failed: {}", e.getMessage());
            }
            work++;
        }
        if (nextSample == null || !now.isBefore(nextSample)) {
            nextSample = now.plus(settings.interval());
            SystemHealth h = sample(now);
            latest = h;
            events.publishEvent(LiveUpdate.latest("system_health", "all", h));
            try {
                store.insert(h);
            } catch (RuntimeException e) {
                log.warn("could not store the health sample: {}", e.getMessage());
            }
            judge(h);
            work++;
        }
        work += pushLogGrowth();
        if (nextRetention == null || !now.isBefore(nextRetention)) {
            nextRetention = now.plus(RETENTION_EVERY);
            try {
                int deleted = store.deleteBefore(now.minus(settings.retention()));
                if (deleted > 0) {
                    log.info("health history retention: {} samples older than {} deleted", deleted,
                            settings.retention());
                }
            } catch (RuntimeException e) {
                log.warn("health history retention failed: {}", e.getMessage());
            }
            work++;
        }
        return work;
    }

    /**
     * Tells the admins' consoles which logs grew (the {@code log_sizes} push), so a System page that follows a log
     * reads what was added, by offset, only when there is something: the browser never polls.
     */
    private int pushLogGrowth() {
        Map<String, Long> sizes = logs.sizes();
        if (sizes.equals(logSizes)) {
            return 0;
        }
        logSizes = sizes;
        events.publishEvent(LiveUpdate.latest("log_sizes", "all", new LogFiles.Sizes(sizes)).adminsOnly());
        return 1;
    }

    /** The newest sample, or one taken now when the monitor has not sampled yet. */
    SystemHealth latest() {
        SystemHealth h = latest;
        return h != null ? h : sample(clock.instant());
    }

    private void judge(SystemHealth h) {
        ServiceContext c = context;
        List<String> problems = new ArrayList<>();
        if (!h.otherInstances().isEmpty()) {
            SystemHealth.OtherInstance o = h.otherInstances().getFirst();
            String text = h.otherInstances().size() + " other recio instance" + (h.otherInstances().size() == 1 ? ""
                    : "s") + " on this database (" + o.instanceId() + " on " + o.host() + ", " + o.mode() + ", started "
                    + o.startedAt() + ")";
            problems.add(text);
            events.publishEvent(new AlertRaised("DUPLICATE_INSTANCE", AlertSeverity.CRITICAL, o.instanceId(), text));
        }
        if (h.sameDataDir()) {
            String text = "another process holds the data directory " + dataDir.toAbsolutePath();
            problems.add(text);
            events.publishEvent(new AlertRaised("DUPLICATE_INSTANCE", AlertSeverity.CRITICAL, "data directory", text));
        }
        if (h.disk().level() == SystemHealth.Level.HIGH) {
            events.publishEvent(new AlertRaised("DISK_HIGH", AlertSeverity.WARNING, dataDir.toAbsolutePath().toString(),
                    "the disk of " + dataDir.toAbsolutePath() + " is " + Math.round(h.disk().percent()) + "% full ("
                            + h.disk().freeGb() + " GB free)"));
        }
        if (!h.database().reachable()) {
            problems.add("database unreachable: " + h.database().error());
        }
        // a busy CPU is normal for a while; full memory or disk is not
        high("memory", h.memory(), problems);
        high("disk", h.disk(), problems);
        if (problems.isEmpty()) {
            c.healthy();
        } else {
            c.degraded(String.join("; ", problems));
        }
    }

    private static void high(String what, SystemHealth.Resource r, List<String> problems) {
        if (r.level() == SystemHealth.Level.HIGH) {
            problems.add(what + " at " + Math.round(r.percent()) + "%");
        }
    }

    SystemHealth sample(Instant now) {
        HostProbe.Reading r = host.read();
        long gcDelta = lastGcMillis < 0 ? 0 : Math.max(0, r.gcMillisTotal() - lastGcMillis);
        lastGcMillis = r.gcMillisTotal();
        Double cpu = r.cpuLoad() == null ? null : r.cpuLoad() * 100;
        SystemHealth.Resource cpuR = new SystemHealth.Resource(cpu, level(cpu, settings.cpuMedium(),
                settings.cpuHigh()), null, null, null, r.cores());
        SystemHealth.Resource memory = sized(r.memoryTotal(), r.memoryAvailable(), settings.memoryMedium(),
                settings.memoryHigh());
        SystemHealth.Resource disk = r.diskTotal() == null ? new SystemHealth.Resource(null, null, null, null, null, null)
                : sized(r.diskTotal(), r.diskUsable(), settings.diskMedium(), settings.diskHigh());
        Double heapPercent = r.heapMax() > 0 ? 100.0 * r.heapUsed() / r.heapMax() : null;
        SystemHealth.Jvm jvm = new SystemHealth.Jvm(round(r.heapUsed() / MB), round(r.heapMax() / MB),
                heapPercent == null ? null : round(heapPercent), level(heapPercent, settings.heapMedium(),
                settings.heapHigh()), r.threads(), gcDelta);
        SystemHealth.Database db = database();
        List<SystemHealth.OtherInstance> others = List.of();
        if (db.reachable()) {
            try {
                others = heartbeat.othersBeatingSince(now.minus(HEARTBEAT.multipliedBy(3)));
            } catch (RuntimeException e) {
                log.debug("could not read the other instances: {}", e.getMessage());
            }
        }
        List<SystemHealth.DataAge> ages = new ArrayList<>();
        freshness.forEach(f -> {
            for (Freshness x : f.freshness(now)) {
                Duration age = x.age(now);
                ages.add(new SystemHealth.DataAge(x.subject(), age == null ? null : Math.max(0, age.toSeconds())));
            }
        });
        return new SystemHealth(now, heartbeat.instanceId(), cpuR, memory, disk, jvm, db, services(), ages, others,
                dataDirTaken);
    }

    private SystemHealth.Services services() {
        List<ServiceHealth> all = services.all();
        int running = 0;
        int degraded = 0;
        int failed = 0;
        int starting = 0;
        int stopped = 0;
        List<SystemHealth.ServiceStatus> states = new ArrayList<>();
        for (ServiceHealth s : all) {
            states.add(new SystemHealth.ServiceStatus(s.name(), s.state()));
            switch (s.state()) {
                case RUNNING -> running++;
                case DEGRADED -> degraded++;
                case FAILED -> failed++;
                case STARTING -> starting++;
                case STOPPED -> stopped++;
            }
        }
        return new SystemHealth.Services(all.size(), running, degraded, failed, starting, stopped,
                degraded + failed == 0 && all.stream().allMatch(s -> s.state() != ServiceState.STARTING), states);
    }

    private SystemHealth.Database database() {
        Instant before = clock.instant();
        String error = null;
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
        } catch (RuntimeException e) {
            error = e.getMessage();
        }
        long ping = Duration.between(before, clock.instant()).toMillis();
        HikariPoolMXBean pool = null;
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
            }
        } catch (java.sql.SQLException e) {
            // not a Hikari pool: no pool figures
        }
        return new SystemHealth.Database(error == null, error == null ? ping : null, error,
                pool == null ? null : pool.getActiveConnections(), pool == null ? null : pool.getIdleConnections(),
                pool == null ? null : pool.getTotalConnections(),
                pool == null ? null : pool.getThreadsAwaitingConnection());
    }

    private static SystemHealth.Resource sized(long total, long available, int medium, int high) {
        if (total <= 0) {
            return new SystemHealth.Resource(null, null, null, null, null, null);
        }
        long used = Math.max(0, total - available);
        double percent = 100.0 * used / total;
        return new SystemHealth.Resource(round(percent), level(percent, medium, high), round(total / GB),
                round(used / GB), round(available / GB), null);
    }

    static SystemHealth.Level level(Double percent, int medium, int high) {
        if (percent == null) {
            return null;
        }
        return percent >= high ? SystemHealth.Level.HIGH : percent >= medium ? SystemHealth.Level.MEDIUM
                : SystemHealth.Level.LOW;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Holds {@code <data-dir>/instance.lock} while this monitor runs; a lock held elsewhere is a duplicate. */
    private void lockDataDir() throws IOException {
        Files.createDirectories(dataDir);
        lockChannel = FileChannel.open(dataDir.resolve("instance.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            dataDirLock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            dataDirLock = null;
        }
        dataDirTaken = dataDirLock == null;
        if (dataDirTaken) {
            lockChannel.close();
            lockChannel = null;
        }
    }

    @Override
    public void stop() {
        try {
            if (dataDirLock != null) {
                dataDirLock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.debug("could not release the data directory's lock: {}", e.getMessage());
        }
        dataDirLock = null;
        lockChannel = null;
        dataDirTaken = false;
    }
}
