package io.recio.ops.internal;

import io.recio.ApiProblem;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceHealth;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Health of every managed service: {@code /api/services} and {@code /api/services/{name}/health}. */
@RestController
class ServicesController {

    private final ManagedServices services;

    ServicesController(ManagedServices services) {
        this.services = services;
    }

    @GetMapping("/api/services")
    List<ServiceHealth> all() {
        return services.all();
    }

    @GetMapping("/api/services/{name}/health")
    ServiceHealth health(@PathVariable String name) {
        return services.health(name).orElseThrow(() -> ApiProblem.notFound("no managed service named '" + name + "'"));
    }
}
