package io.recio.trading.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ManagedServices;
import io.recio.trading.venue.VenueUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs trading's four managed services on one scheduler thread (so their passes never interleave):
 * trade_manager (start-up reconciliation, then periodic), trade_executor (UNKNOWN-order lookups each
 * second), active_trade_supervisor and auto_entry_supervisor (a pass each second). Trading stays off
 * until the start-up reconciliation succeeds; it is retried every 5 s until then.
 */
@Component
public class TradingServices implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TradingServices.class);

    private final Reconciler reconciler;
    private final TradeExecutor executor;
    private final ActiveTradeSupervisor active;
    private final AutoEntrySupervisor autoEntry;
    private final TradingProperties properties;
    private final boolean autostart;
    private final ManagedService manager;
    private final ManagedService executorService;
    private final ManagedService activeService;
    private final ManagedService autoEntryService;
    private ScheduledExecutorService scheduler;
    private volatile boolean reconciled;
    private long lastReconcile;

    public TradingServices(Reconciler reconciler, TradeExecutor executor, ActiveTradeSupervisor active,
                           AutoEntrySupervisor autoEntry, TradingProperties properties, ManagedServices services,
                           @Value("${recio.services.autostart:true}") boolean autostart) {
        this.reconciler = reconciler;
        this.executor = executor;
        this.active = active;
        this.autoEntry = autoEntry;
        this.properties = properties;
        this.autostart = autostart;
        this.manager = services.register("trade_manager", List.of());
        this.executorService = services.register("trade_executor", List.of("trade_manager", "kalshi_api_watchdog"));
        this.activeService = services.register("active_trade_supervisor", List.of("trade_manager", "trade_executor"));
        this.autoEntryService = services.register("auto_entry_supervisor",
                List.of("trade_executor", "unified_production_coordinator", "symbol_price_watchdog_btc"));
    }

    /**
     * Runs a reconciliation pass; the first success turns trading on.
     *
     * @return whether the pass succeeded
     */
    public boolean reconcileNow() {
        try {
            Reconciler.Report r = reconciler.reconcile();
            manager.detail("last_reconciliation_mismatches", r.mismatches());
            reconciled = true;
            if (executor.offReason().isPresent()) {
                executor.enable();
                log.info("start-up reconciliation with {} done ({} mismatches); trading is on", executor.venueName(),
                        r.mismatches());
            }
            manager.running();
            return true;
        } catch (VenueUnavailableException | RuntimeException e) {
            String why = "reconciliation failed: " + e.getMessage();
            if (!reconciled) {
                executor.disable("start-up " + why);
            }
            manager.degraded(why);
            return false;
        }
    }

    @Override
    public void start() {
        for (ManagedService s : List.of(manager, executorService, activeService, autoEntryService)) {
            s.starting();
            s.detail("venue", executor.venueName());
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("trading").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    private void tick() {
        long now = System.nanoTime();
        if (!reconciled || now - lastReconcile >= properties.reconcileInterval().toNanos()) {
            if (!reconciled && now - lastReconcile < Duration.ofSeconds(5).toNanos() && lastReconcile != 0) {
                return;
            }
            lastReconcile = now;
            reconcileNow();
        }
        if (!reconciled) {
            return;
        }
        run(executorService, () -> executor.resolveUnknown(false));
        run(activeService, active::pass);
        run(autoEntryService, () -> {
            autoEntry.scan();
            autoEntryService.detail("status", autoEntry.status().name());
        });
    }

    private static void run(ManagedService service, Runnable pass) {
        try {
            pass.run();
            if (service.health().state() != io.recio.ops.ServiceState.RUNNING) {
                service.running();
            }
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(TradingServices.class).warn("{} pass failed", service.name(), e);
            service.degraded(e.toString());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ManagedService s : List.of(manager, executorService, activeService, autoEntryService)) {
            s.stopped();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    @Override
    public boolean isAutoStartup() {
        return autostart;
    }
}
