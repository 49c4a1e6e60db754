package io.recio.accounts.internal.web;

import io.recio.ApiProblem;
import io.recio.accounts.Preferences;
import io.recio.accounts.Role;
import io.recio.accounts.UserAccount;
import io.recio.accounts.UserAccounts;
import io.recio.accounts.UserPreferences;
import java.security.Principal;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own account: {@code GET /api/me}, {@code PUT /api/me/preferences} (time zone, sound,
 * browser notifications) and {@code POST /api/me/password} (the current password is required).
 */
@RestController
class MeController {

    private final UserAccounts accounts;
    private final UserPreferences preferences;

    MeController(UserAccounts accounts, UserPreferences preferences) {
        this.accounts = accounts;
        this.preferences = preferences;
    }

    /** Who is signed in. */
    record MeView(String username, Role role, PreferencesView preferences) {
    }

    /** Preferences on the wire; on a PUT an absent field keeps its value. */
    record PreferencesView(String timeZone, Boolean sound, Boolean browserNotifications) {

        static PreferencesView of(Preferences p) {
            return new PreferencesView(p.timeZone().getId(), p.sound(), p.browserNotifications());
        }
    }

    /** Body of {@code POST /api/me/password}. */
    record PasswordChange(String currentPassword, String newPassword) {
        /** Redacted: Spring logs request bodies at debug level, and passwords belong in no log. */
        @Override
        public String toString() {
            return "PasswordChange[redacted]";
        }
    }

    @GetMapping("/api/me")
    MeView me(Principal user) {
        UserAccount account = accounts.find(user.getName())
                .orElseThrow(() -> ApiProblem.notFound("no user '" + user.getName() + "'"));
        return new MeView(account.username(), account.role(), PreferencesView.of(preferences.of(user.getName())));
    }

    @PutMapping("/api/me/preferences")
    PreferencesView putPreferences(@RequestBody PreferencesView body, Principal user) {
        Preferences now = preferences.of(user.getName());
        ZoneId zone = now.timeZone();
        if (body.timeZone() != null) {
            try {
                zone = ZoneId.of(body.timeZone().trim());
            } catch (DateTimeException e) {
                throw ApiProblem.badInput("time_zone", "time_zone must be a time zone such as America/New_York or UTC, not '"
                        + shorten(body.timeZone()) + "'");
            }
        }
        Preferences next = new Preferences(zone, body.sound() == null ? now.sound() : body.sound(),
                body.browserNotifications() == null ? now.browserNotifications() : body.browserNotifications());
        preferences.save(user.getName(), next);
        return PreferencesView.of(next);
    }

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChange body, Principal user) {
        if (body.currentPassword() == null || !accounts.passwordMatches(user.getName(), body.currentPassword())) {
            throw ApiProblem.badInput("current_password", "the current password is not right");
        }
        if (body.newPassword() == null) {
            throw ApiProblem.badInput("new_password", "new_password is required");
        }
        if (body.newPassword().equals(body.currentPassword())) {
            throw ApiProblem.badInput("new_password", "the new password must differ from the current one");
        }
        try {
            accounts.setPassword(user.getName(), body.newPassword());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("new_password", e.getMessage());
        }
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
