package io.recio.web.internal;

import io.recio.RecioProperties;
import io.recio.accounts.Role;
import io.recio.accounts.UserPreferences;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the {@link Shell} into the model of every console page (not the login page: nobody is signed in there). It is
 * advice to the page controllers by name: an annotation or package selector also matches every
 * {@code @RestController}, whose answers have no page, and Spring then tested the selectors and prepared a model for
 * each API call (a tenth of a strike-table request's CPU, JFR under bench/load.sh).
 */
@ControllerAdvice(assignableTypes = {PagesController.class, AdminPages.class, HistoryPage.class, BacktestsPage.class,
        ErrorPage.class})
class ShellAdvice {

    private final RecioProperties properties;
    private final UserPreferences preferences;
    private final ConsoleStatus status;
    private final Clock clock;

    ShellAdvice(RecioProperties properties, UserPreferences preferences, ConsoleStatus status, Clock clock) {
        this.properties = properties;
        this.preferences = preferences;
        this.status = status;
        this.clock = clock;
    }

    @ModelAttribute("shell")
    Shell shell(Authentication auth, HttpServletRequest request) {
        if (auth == null || !auth.isAuthenticated()) {
            return null;
        }
        boolean admin = Role.isMasterAdmin(auth);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ConsolePage current = Arrays.stream(ConsolePage.values()).filter(p -> p.owns(path)).findFirst()
                .orElse(ConsolePage.MONITOR);
        var held = AccessRules.permissions(auth);
        List<Shell.NavItem> nav = Arrays.stream(ConsolePage.values()).filter(p -> p.visibleTo(held))
                .map(p -> new Shell.NavItem(p.path(), p.label(), p.icon(), p == current, p.tab())).toList();
        return new Shell(auth.getName(), admin, properties.mode(), current.icon(), nav, status.current(clock.instant()),
                preferences.of(auth.getName()));
    }
}
