package io.recio.ops.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import io.recio.ops.TradingImpact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The database as ops watches it ({@code database_watchdog}): each second a {@code SELECT 1} through the pool. While it
 * gets no answer the watchdog is DEGRADED with {@link TradingImpact#SUSPEND_ENTRIES}, so the cascading-failure
 * detector suspends new entries naming the database, and holds back the restarts of services that crashed on it
 * (they would crash again and spend their restarts); once it answers, it is RUNNING and they are restarted. A query
 * waits at most the pool's {@code connection-timeout} for a connection, so an outage shows within a few seconds.
 */
@Service
class DatabaseWatchdog implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWatchdog.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile ServiceContext context;
    /** When the database stopped answering, or null while it answers. */
    private volatile Instant downSince;

    DatabaseWatchdog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public ServiceName name() {
        return ServiceName.DATABASE_WATCHDOG;
    }

    /** Without it nobody notices the database going away: trading is suspended while it is down. */
    @Override
    public boolean criticalToTrading() {
        return true;
    }

    /** Never fails to start: an unreachable database is what it reports, not a reason to stop watching. */
    @Override
    public void start(ServiceContext context) {
        this.context = context;
        check(clock.instant());
    }

    @Override
    public Duration dutyCycle() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int doWork(Instant now) {
        check(now);
        return 0;
    }

    private void check(Instant now) {
        ServiceContext c = context;
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
        } catch (RuntimeException e) {
            String why = rootMessage(e);
            if (downSince == null) {
                downSince = now;
                log.warn("the database does not answer: {}", why);
            }
            c.detail("down_since", downSince.toString());
            // the same words every second while it lasts, so the suspension's reason does not change each second
            c.degraded("the database does not answer (since " + downSince + "): " + why,
                    TradingImpact.SUSPEND_ENTRIES);
            return;
        }
        if (downSince != null) {
            log.info("the database answers again after {} s", Duration.between(downSince, now).toSeconds());
            downSince = null;
        }
        c.detail("down_since", null);
        c.healthy();
    }

    /** Whether the database answered the last check. */
    boolean reachable() {
        return downSince == null;
    }

    /** The innermost message (e.g. "Connection refused"): the pool's own wraps it with running counts. */
    static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    @Override
    public void stop() {
        downSince = null;
    }
}
