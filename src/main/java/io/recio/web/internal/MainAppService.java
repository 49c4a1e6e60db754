package io.recio.web.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ManagedServices;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Reports REC.IO's {@code main_app} (the console and API) as a managed service. */
@Component
class MainAppService {

    private final ManagedService service;

    MainAppService(ManagedServices services) {
        this.service = services.register("main_app", List.of());
        service.starting();
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        service.running();
    }

    @EventListener(ContextClosedEvent.class)
    void closing() {
        service.stopped();
    }
}
