package io.recio.simulator.internal.web;

import io.recio.ApiProblem;
import io.recio.simulator.faults.FaultSwitches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's fault switches as a master admin's action on recio's own API (session, CSRF token, JSON only),
 * present when the simulators run (demo mode). They used to sit on the simulator's open port, where any web page
 * could flip them with a cross-site {@code text/plain} POST.
 */
@RestController
@ConditionalOnProperty(prefix = "recio.simulator", name = "enabled", havingValue = "true")
@PreAuthorize("hasRole('MASTER_ADMIN')")
class SimulatorFaultsController {

    private static final Logger log = LoggerFactory.getLogger(SimulatorFaultsController.class);

    private final FaultSwitches faults;

    SimulatorFaultsController(FaultSwitches faults) {
        this.faults = faults;
    }

    @GetMapping("/api/admin/simulator/faults")
    FaultSwitches.State state() {
        return faults.state();
    }

    /** Sets the switches named in the body (the others stay); every value is checked before any is applied. */
    @PutMapping("/api/admin/simulator/faults")
    FaultSwitches.State change(@RequestBody FaultSwitches.Change change, Authentication auth) {
        try {
            FaultSwitches.State state = faults.apply(change);
            log.info("simulator fault switches changed by {}: {}", auth.getName(), state);
            return state;
        } catch (FaultSwitches.InvalidChange e) {
            throw ApiProblem.badInput(e.field(), e.getMessage());
        }
    }
}
