package io.recio.ops.internal;

import io.recio.ApiProblem;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The master admin's controls of the System page: the admin console ({@code POST /api/admin/console}), the master
 * restart ({@code GET|POST|DELETE /api/admin/master_restart}); both are audited in recio's one audit log.
 */
@RestController
@PreAuthorize("hasRole('MASTER_ADMIN')")
class AdminController {

    private final AdminConsole console;
    private final MasterRestart masterRestart;

    AdminController(AdminConsole console, MasterRestart masterRestart) {
        this.console = console;
        this.masterRestart = masterRestart;
    }

    /** Body of {@code POST /api/admin/console}: one command line, e.g. {@code restart system_monitor}. */
    record ConsoleRequest(String line) {
    }

    @PostMapping("/api/admin/console")
    AdminConsole.Result console(@RequestBody ConsoleRequest body, Principal user) {
        if (body == null || body.line() == null || body.line().isBlank()) {
            throw ApiProblem.badInput("line", "type a command; help lists them");
        }
        if (body.line().length() > AdminConsole.MAX_LINE) {
            throw ApiProblem.badInput("line", "a command line is at most " + AdminConsole.MAX_LINE + " characters");
        }
        return console.run(body.line(), user.getName());
    }

    @GetMapping("/api/admin/master_restart")
    MasterRestart.View masterRestart() {
        return masterRestart.view();
    }

    /** Starts the 30-second countdown every console sees; 409 while one counts down or runs. */
    @PostMapping("/api/admin/master_restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    MasterRestart.View requestMasterRestart(Principal user) {
        return masterRestart.request(user.getName());
    }

    /** Cancels the countdown; 409 when none counts down. */
    @DeleteMapping("/api/admin/master_restart")
    MasterRestart.View cancelMasterRestart(Principal user) {
        return masterRestart.cancel(user.getName());
    }

}
