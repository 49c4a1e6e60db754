package io.recio.ops.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.RetentionPolicy;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The managed service {@code data_retention}: a few minutes after start and then every
 * {@code recio.ops.retention.interval} it applies every module's {@link RetentionPolicy}, so the database grows by
 * a bounded amount per day. Its health shows each table's window and the rows the last pass removed; a policy
 * that fails makes it DEGRADED (harmless to trading) and the next pass tries again.
 */
@Component
class DataRetention implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(DataRetention.class);

    private final List<RetentionPolicy> policies;
    private final OpsProperties.Retention settings;
    private volatile ServiceContext context;
    private Instant nextPass;

    DataRetention(List<RetentionPolicy> policies, OpsProperties properties) {
        this.policies = policies.stream().sorted(Comparator.comparing(RetentionPolicy::table)).toList();
        this.settings = properties.retention();
    }

    @Override
    public ServiceName name() {
        return ServiceName.DATA_RETENTION;
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        nextPass = null;
        for (RetentionPolicy p : policies) {
            context.detail("keep." + p.table(), p.keep().toString());
        }
    }

    /** A minute: the pass itself is due only every {@code interval}. */
    @Override
    public Duration dutyCycle() {
        return Duration.ofMinutes(1);
    }

    @Override
    public int doWork(Instant now) {
        if (nextPass == null) {
            // the first pass waits until start-up's work (seeding, reconciliation) is done
            nextPass = now.plus(settings.firstPassAfter());
        }
        if (now.isBefore(nextPass)) {
            return 0;
        }
        nextPass = now.plus(settings.interval());
        pass(now);
        return 0;
    }

    /** Applies every policy once at {@code now}; returns the rows removed in all. */
    int pass(Instant now) {
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (RetentionPolicy p : policies) {
            if (context != null && context.stopping()) {
                break;
            }
            try {
                int deleted = p.apply(now);
                total += deleted;
                detail("deleted." + p.table(), deleted);
                if (deleted > 0) {
                    log.info("retention: {} rows of {} older than {} removed", deleted, p.table(), p.keep());
                }
            } catch (RuntimeException e) {
                failures.add(p.table() + ": " + e.getMessage());
                log.warn("retention of {} failed, the next pass tries again: {}", p.table(), e.getMessage());
            }
        }
        detail("last_pass", now.toString());
        if (context != null) {
            if (failures.isEmpty()) {
                context.healthy();
            } else {
                context.degraded("retention failed for " + String.join("; ", failures));
            }
        }
        return total;
    }

    private void detail(String key, Object value) {
        if (context != null) {
            context.detail(key, value);
        }
    }

    @Override
    public void stop() {
        context = null;
    }
}
