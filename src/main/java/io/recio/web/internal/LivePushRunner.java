package io.recio.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The live channel's scheduling, kept apart from the channel so it can run under any service runner: one thread
 * that flushes the channel whenever something is published (or a coalesced state falls due) and, once a second,
 * re-checks the console status (time alone makes data stale). Stopping it shuts the channel: every browser shows
 * it is offline until it starts again.
 */
@Component
class LivePushRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LivePushRunner.class);
    private static final Duration STATUS_EVERY = Duration.ofSeconds(1);

    private final LiveChannel channel;
    private final ConsoleStatus status;
    private final Clock clock;
    private final boolean autostart;
    private volatile Thread thread;
    private Instant statusDue = Instant.MIN;

    LivePushRunner(LiveChannel channel, ConsoleStatus status, Clock clock,
                   @Value("${recio.services.autostart:true}") boolean autostart) {
        this.channel = channel;
        this.status = status;
        this.clock = clock;
        this.autostart = autostart;
    }

    /** One duty cycle: the status when due, then every due send; answers how long the thread may sleep. */
    Duration doWork(Instant now) {
        if (!now.isBefore(statusDue)) {
            status.refresh(now);
            statusDue = now.plus(STATUS_EVERY);
        }
        Duration untilFlush = channel.flush(now);
        Duration untilStatus = Duration.between(now, statusDue);
        return untilFlush.compareTo(untilStatus) < 0 ? untilFlush : untilStatus;
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                channel.awaitWork(doWork(clock.instant()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("live push cycle failed", e);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (thread == null) {
            channel.open();
            thread = Thread.ofPlatform().name("live-push").daemon().start(this::loop);
        }
    }

    @Override
    public synchronized void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        channel.shut();
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public boolean isAutoStartup() {
        return autostart;
    }
}
