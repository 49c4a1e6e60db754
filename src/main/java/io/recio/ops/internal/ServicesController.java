package io.recio.ops.internal;

import io.recio.ApiProblem;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managed services: {@code GET /api/services}, {@code GET /api/services/{name}/health}, and for the master
 * admin {@code POST /api/services/{name}/restart}.
 */
@RestController
class ServicesController {

    private final ManagedServices services;
    private final OpsAudit audit;

    ServicesController(ManagedServices services, OpsAudit audit) {
        this.services = services;
        this.audit = audit;
    }

    @GetMapping("/api/services")
    List<ServiceHealth> all() {
        return services.all();
    }

    @GetMapping("/api/services/{name}/health")
    ServiceHealth health(@PathVariable String name) {
        return services.health(known(name)).orElseThrow();
    }

    /** Stops and starts the service (202: it restarts in the background); says which services need it. */
    @PostMapping("/api/services/{name}/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('MASTER_ADMIN')")
    ManagedServices.Restart restart(@PathVariable String name, Principal user) {
        ManagedServices.Restart restart = services.restart(known(name));
        audit.record(user.getName(), "restart", name, true, restart.affected().isEmpty() ? "no dependants"
                : "dependants: " + String.join(", ", restart.affected().stream().map(ServiceName::value).toList()));
        return restart;
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
        throw ApiProblem.notFound("no managed service named '" + name + "'");
    }
}
