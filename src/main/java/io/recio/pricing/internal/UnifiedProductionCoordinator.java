package io.recio.pricing.internal;

import io.recio.market.Symbol;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;

/**
 * REC.IO's unified_production_coordinator as a managed service: runs the {@link StrikeTableCoordinator} (tables
 * on every tick and quote), and its duty cycle recomputes every table once a second (the countdown moves and
 * inputs go stale without any event), retries missing model builds every ten minutes, and rebuilds the models
 * from history on {@code recio.pricing.rebuild-cron} (UTC).
 */
@Service
class UnifiedProductionCoordinator implements ManagedService {

    static final Duration RETRY_BUILDS = Duration.ofMinutes(10);

    private final StrikeTableCoordinator tables;
    private final CronExpression rebuild;
    private final Clock clock;
    private Instant nextRebuild;
    private Instant nextRetry;

    UnifiedProductionCoordinator(StrikeTableCoordinator tables, PricingProperties properties, Clock clock) {
        this.tables = tables;
        this.rebuild = CronExpression.parse(properties.rebuildCron());
        this.clock = clock;
    }

    @Override
    public ServiceName name() {
        return ServiceName.UNIFIED_PRODUCTION_COORDINATOR;
    }

    @Override
    public List<ServiceName> dependencies() {
        return List.of(ServiceName.symbolPriceWatchdog(Symbol.BTC),
                ServiceName.symbolPriceWatchdog(Symbol.ETH), ServiceName.KALSHI_API_WATCHDOG);
    }

    @Override
    public boolean criticalToTrading() {
        return true;
    }

    @Override
    public void start(ServiceContext context) {
        Instant now = clock.instant();
        nextRebuild = nextRebuildAfter(now);
        nextRetry = now.plus(RETRY_BUILDS);
        context.detail("next_model_rebuild", nextRebuild.toString());
        tables.start(context);
    }

    @Override
    public Duration dutyCycle() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int doWork(Instant now) {
        tables.everySecond();
        if (!now.isBefore(nextRetry)) {
            nextRetry = now.plus(RETRY_BUILDS);
            tables.retryMissingBuilds();
        }
        if (!now.isBefore(nextRebuild)) {
            nextRebuild = nextRebuildAfter(now);
            tables.weeklyRebuild();
        }
        return 0;
    }

    private Instant nextRebuildAfter(Instant now) {
        ZonedDateTime next = rebuild.next(now.atZone(ZoneOffset.UTC));
        return next == null ? Instant.MAX : next.toInstant();
    }

    @Override
    public void stop() {
        tables.stop();
    }
}
