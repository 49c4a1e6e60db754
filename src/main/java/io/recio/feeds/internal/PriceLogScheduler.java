package io.recio.feeds.internal;

import io.recio.market.Symbol;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drives the {@link PriceLog}: a tick just after every whole second of the clock, the batched write every
 * {@code recio.feeds.write-interval}, and the retention delete hourly; all on one thread so the log's window
 * needs no locks. Starts with the application unless {@code recio.services.autostart} is false.
 */
@Component
class PriceLogScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PriceLogScheduler.class);

    private final PriceLog priceLog;
    private final FeedsProperties properties;
    private final Watchdogs watchdogs;
    private final Clock clock;
    private final boolean autostart;
    private ScheduledExecutorService executor;

    PriceLogScheduler(PriceLog priceLog, FeedsProperties properties, Watchdogs watchdogs, Clock clock,
                      @Value("${recio.services.autostart:true}") boolean autostart) {
        this.priceLog = priceLog;
        this.properties = properties;
        this.watchdogs = watchdogs;
        this.clock = clock;
        this.autostart = autostart;
    }

    @Override
    public boolean isAutoStartup() {
        return autostart;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        properties.symbols().forEach(watchdogs::starting);
        guarded("restore", () -> {
            long restored = priceLog.restore(clock.instant());
            if (restored > 0) {
                log.info("price log: {} logged seconds of the last 90 minutes restored for the deltas", restored);
            }
        });
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("price-log").daemon().factory());
        // A pending tick must not run (and reschedule itself) after stop.
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor = pool;
        scheduleNextTick(executor);
        long write = properties.writeInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> guarded("write", priceLog::flush), write, write, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> guarded("retention", priceLog::applyRetention), 1, 60, TimeUnit.MINUTES);
    }

    /** Schedules the next tick a few milliseconds after the next whole second, read from the clock each time. */
    private void scheduleNextTick(ScheduledExecutorService on) {
        long millis = clock.millis();
        long delay = 1000 - Math.floorMod(millis, 1000L) + 5;
        on.schedule(() -> {
            guarded("tick", () -> priceLog.tick(clock.instant()));
            if (!on.isShutdown()) {
                scheduleNextTick(on);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // One failed second or write must not end the schedule; the next run tries again.
            log.error("price log {} failed: {}", what, e.toString(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        guarded("final write", priceLog::flush);
        for (Symbol symbol : properties.symbols()) {
            watchdogs.stopped(symbol);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // Stops after the feed clients (higher phases stop first), so their last prices are written.
        return Integer.MAX_VALUE - 200;
    }
}
