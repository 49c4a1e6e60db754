package io.recio.web.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * REC.IO's {@code main_app}: the console and API (served by the web server from start-up) and the live channel,
 * whose duty cycle sends what is due every 20 ms (a new price reaches the browsers within that, coalesced states
 * at most every push interval) and re-checks the status icon once a second (time alone makes data stale).
 * Stopping it closes every browser tab's channel and refuses new ones: the pages show they are offline.
 */
@Component
class MainAppService implements ManagedService {

    /** How often the channel is flushed: short, so a pushed price waits at most this long to leave. */
    static final Duration FLUSH_EVERY = Duration.ofMillis(20);
    private static final Duration STATUS_EVERY = Duration.ofSeconds(1);

    private final LiveChannel channel;
    private final ConsoleStatus status;
    private volatile ServiceContext context;
    private Instant statusDue = Instant.MIN;
    private int tabs = -1;

    MainAppService(LiveChannel channel, ConsoleStatus status) {
        this.channel = channel;
        this.status = status;
    }

    @Override
    public ServiceName name() {
        return ServiceName.MAIN_APP;
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        tabs = -1;
        channel.open();
    }

    @Override
    public Duration dutyCycle() {
        return FLUSH_EVERY;
    }

    @Override
    public int doWork(Instant now) {
        if (!now.isBefore(statusDue)) {
            status.refresh(now);
            statusDue = now.plus(STATUS_EVERY);
            int open = channel.tabCount();
            if (open != tabs) {
                tabs = open;
                context.detail("live_tabs", open);
            }
        }
        return channel.flush(now);
    }

    @Override
    public void stop() {
        channel.shut();
    }
}
