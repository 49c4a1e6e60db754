package io.recio.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The master admin's pages: Users and Audit (their data comes from {@code /api/admin/users} and {@code /api/admin/audit}). */
@Controller
class AdminPages {

    /** Users: create, enable and disable, change role, reset password. */
    @GetMapping("/users")
    String users() {
        return "users";
    }

    /** Audit: the security- and money-relevant actions, filtered. */
    @GetMapping("/audit")
    String audit() {
        return "audit";
    }
}
