package io.recio.web.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * REC.IO's {@code main_app}: the console and API (served by the web server from start-up) and the
 * browser push, whose duty cycle sends the newest tables at most four times a second.
 */
@Component
class MainAppService implements ManagedService {

    private final LivePush push;
    private volatile ServiceContext context;

    MainAppService(LivePush push) {
        this.push = push;
    }

    @Override
    public ServiceName name() {
        return ServiceName.MAIN_APP;
    }

    @Override
    public void start(ServiceContext context) {
        context.detail("live_sessions", 0);
        this.context = context;
    }

    @Override
    public Duration dutyCycle() {
        return Duration.ofMillis(250);
    }

    @Override
    public int doWork(Instant now) {
        push.flush();
        context.detail("live_sessions", push.sessionCount());
        return 0;
    }

    @Override
    public void stop() {
        // the web server and its sessions belong to Spring; nothing of this service's own to release
    }
}
