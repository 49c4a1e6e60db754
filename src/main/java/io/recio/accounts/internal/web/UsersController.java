package io.recio.accounts.internal.web;

import io.recio.ApiProblem;
import io.recio.accounts.AuditLog;
import io.recio.accounts.Role;
import io.recio.accounts.UserAccount;
import io.recio.accounts.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The master admin's user management: list, create (with a password set or generated and shown once), enable
 * and disable, change role, reset password. The last enabled master admin can be neither disabled nor demoted.
 */
@RestController
@PreAuthorize("hasRole('MASTER_ADMIN')")
class UsersController {

    private final UserAccounts accounts;

    UsersController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** A user as the Users page lists them. */
    record UserView(String username, Role role, boolean enabled, Instant createdAt, boolean mustChangePassword) {

        static UserView of(UserAccount a) {
            return new UserView(a.username(), a.role(), a.enabled(), a.createdAt(), a.mustChangePassword());
        }
    }

    /** Body of {@code POST /api/admin/users}; without a password one is generated. */
    record NewUser(String username, String role, String password) {
    }

    /** A user just made, with the generated password when none was given (shown this once). */
    record CreatedUser(UserView user, String initialPassword) {
    }

    /** Body of {@code PUT /api/admin/users/{username}}; an absent field keeps its value. */
    record UserChange(String role, Boolean enabled) {
    }

    /** Body of {@code POST /api/admin/users/{username}/password}; without a password one is generated. */
    record PasswordReset(String password) {
    }

    /** The generated password of a reset (shown this once), or null when the admin chose it. */
    record ResetPassword(String username, String newPassword) {
    }

    @GetMapping("/api/admin/users")
    List<UserView> users() {
        return accounts.all().stream().map(UserView::of).toList();
    }

    @PostMapping("/api/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedUser create(@RequestBody NewUser body, HttpServletRequest request) {
        Role role = parse("role", () -> Role.parse(body.role()));
        boolean generate = body.password() == null || body.password().isEmpty();
        String password = generate ? accounts.generatePassword() : body.password();
        UserAccount created;
        try {
            created = accounts.createWithTemporaryPassword(body.username(), password, role);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput(e.getMessage().startsWith("password") ? "password" : "username", e.getMessage());
        }
        request.setAttribute(AuditLog.DETAIL, "created '" + created.username() + "' as " + role.label()
                + (generate ? " with a generated password" : ""));
        return new CreatedUser(UserView.of(created), generate ? password : null);
    }

    @PutMapping("/api/admin/users/{username}")
    UserView change(@PathVariable String username, @RequestBody UserChange body, HttpServletRequest request) {
        UserAccount user = existing(username);
        Role role = body.role() == null ? null : parse("role", () -> Role.parse(body.role()));
        StringBuilder did = new StringBuilder();
        try {
            if (role != null && role != user.role()) {
                user = accounts.setRole(username, role);
                did.append("role of '").append(username).append("' to ").append(role.label());
            }
            if (body.enabled() != null && body.enabled() != user.enabled()) {
                user = accounts.setEnabled(username, body.enabled());
                did.append(did.isEmpty() ? "" : "; ").append(body.enabled() ? "enabled '" : "disabled '")
                        .append(username).append('\'');
            }
        } catch (IllegalStateException e) {
            throw ApiProblem.conflict("last_master_admin", e.getMessage());
        }
        request.setAttribute(AuditLog.DETAIL, did.isEmpty() ? "no change to '" + username + "'" : did.toString());
        return UserView.of(user);
    }

    @PostMapping("/api/admin/users/{username}/password")
    ResetPassword resetPassword(@PathVariable String username, @RequestBody(required = false) PasswordReset body,
                                HttpServletRequest request) {
        existing(username);
        boolean generate = body == null || body.password() == null || body.password().isEmpty();
        String password = generate ? accounts.generatePassword() : body.password();
        try {
            accounts.resetPassword(username, password);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("password", e.getMessage());
        }
        request.setAttribute(AuditLog.DETAIL, "reset the password of '" + username + "'");
        return new ResetPassword(username, generate ? password : null);
    }

    private UserAccount existing(String username) {
        return accounts.find(username).orElseThrow(() -> ApiProblem.notFound("no user '" + shorten(username) + "'"));
    }

    private static <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput(field, e.getMessage());
        }
    }

    static String shorten(String v) {
        return v == null ? "" : v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
