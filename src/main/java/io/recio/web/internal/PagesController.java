package io.recio.web.internal;

import io.recio.accounts.UserPreferences;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's pages other than History: sign-in, the Trade Monitor, Account, Settings, System and Credentials. Each is one
 * template on the layout; the data that changes arrives on the live channel.
 */
@Controller
class PagesController {

    /** The time zones offered in Settings (the user's own is added when it is not among them). */
    static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "UTC", "Europe/London",
            "Europe/Berlin", "Europe/Paris", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Hong_Kong",
            "Asia/Tokyo", "Australia/Sydney");

    private final ManagedServices services;
    private final AccountViews accounts;
    private final UserPreferences preferences;
    private final JsonMapper json;
    private final Clock clock;
    private final String version;

    PagesController(ManagedServices services, AccountViews accounts, UserPreferences preferences, JsonMapper json,
                    Clock clock, ObjectProvider<BuildProperties> build) {
        this.services = services;
        this.accounts = accounts;
        this.preferences = preferences;
        this.json = json;
        this.clock = clock;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties != null ? properties.getVersion() : "development";
    }

    /** Sign-in; {@code ?locked=N} (from the throttle) says how many seconds the lock still lasts. */
    @GetMapping("/login")
    String login(@RequestParam(name = "locked", required = false) String locked, Model model) {
        if (locked != null) {
            model.addAttribute("lockedFor", lockedFor(locked));
        }
        return "login";
    }

    static String lockedFor(String seconds) {
        long s;
        try {
            s = Math.max(1, Math.min(Long.parseLong(seconds), 86_400));
        } catch (NumberFormatException e) {
            return "a little while";
        }
        return s < 90 ? s + " more seconds" : (s + 59) / 60 + " more minutes";
    }

    /** The Trade Monitor: strike tables, price, momentum, watchlist, trading controls and active trades. */
    @GetMapping("/")
    String monitor() {
        return "monitor";
    }

    /** The Kalshi account: balance, positions, resting orders, fills and settlements. */
    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("accountJson", json.writeValueAsString(accounts.view()));
        return "account";
    }

    /** The user's password, trade size, notifications and time zone, and the account's auto-trading settings. */
    @GetMapping("/settings")
    String settings(Authentication auth, Model model) {
        var prefs = preferences.of(auth.getName());
        TreeSet<String> zones = new TreeSet<>(ZONES);
        zones.add(prefs.timeZone().getId());
        model.addAttribute("prefs", prefs);
        model.addAttribute("zones", zones);
        return "settings";
    }

    /** The account's Kalshi API key (master admin): stored or not, its environment, a form to store or switch it. */
    @GetMapping("/credentials")
    String credentials() {
        return "credentials";
    }

    /** One service as the System page lists it. */
    record ServiceRow(String name, ServiceState state, String since, String uptime, int restarts, String dependencies,
                      String lastError) {
    }

    /** The managed services and the status, read-only. */
    @GetMapping("/system")
    String system(Authentication auth, Model model) {
        ZoneId zone = preferences.of(auth.getName()).timeZone();
        Instant now = clock.instant();
        model.addAttribute("services", services.all().stream().map(s -> row(s, zone, now)).toList());
        model.addAttribute("version", version);
        return "system";
    }

    private static ServiceRow row(ServiceHealth s, ZoneId zone, Instant now) {
        boolean up = s.state() == ServiceState.RUNNING || s.state() == ServiceState.DEGRADED;
        Instant from = s.startedAt() != null ? s.startedAt() : s.since();
        String uptime = up && from != null ? uptime(Duration.between(from, now)) : "–";
        return new ServiceRow(s.name().value(), s.state(), Display.dateTime(s.since(), zone), uptime, s.restarts(),
                s.dependencies().isEmpty() ? "–" : String.join(", ", s.dependencies().stream().map(ServiceName::value).toList()),
                s.lastError() == null ? "" : s.lastError());
    }

    private static String uptime(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? s / 3600 + "h " + String.format("%02dm", s % 3600 / 60) : s / 60 + ":" + String.format("%02d", s % 60);
    }
}
