package io.recio.ops.internal;

import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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
        return services.health(known(name)).orElseThrow();
    }

    private ServiceName known(String name) {
        try {
            ServiceName n = new ServiceName(name);
            if (services.health(n).isPresent()) {
                return n;
            }
        } catch (IllegalArgumentException e) {
            // not even a well-formed name: no such service either
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no managed service named '" + name + "'");
    }
}
