package io.recio.web.internal;

import io.recio.accounts.UserAccount;
import io.recio.accounts.UserAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user whose password someone else set (generated, or reset by an admin) does nothing else until they choose
 * their own: pages lead to Settings, API calls other than {@code /api/me} and the password change answer 403
 * {@code password_change_required}. So a password that travelled through another person never becomes the
 * long-term one. When the database does not answer, the answer it last gave for that user stands (a user never
 * seen is held back), so the console stays usable through a database outage.
 *
 * <p>Once a session's user is seen with a password of their own, the session remembers it and the user is not looked
 * up again on each request: the flag only comes back through a reset, and a reset ends all their sessions
 * ({@link SessionEnder}).
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    /** What such a user may still reach: Settings with its script and styles, who they are, the change itself. */
    private static final List<String> OPEN = List.of("/settings", "/api/me", "/api/me/password", "/logout", "/login",
            "/error", "/health", "/favicon.ico", "/ws/live");
    private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/img/", "/webjars/", "/error/",
            "/actuator/health");

    /** Session attribute: the name of this session's user once seen with a password of their own. */
    static final String CHOSEN = PasswordChangeGate.class.getName() + ".chosen";

    private final UserAccounts accounts;
    private final JsonMapper json;
    /** The database's last answer per user name: whether they must change their password. */
    private final Map<String, Boolean> lastKnown = new ConcurrentHashMap<>();

    PasswordChangeGate(UserAccounts accounts, JsonMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !AccessRules.permissions(auth).isEmpty()
                && mustChange(auth, request.getSession(false))) {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                SecurityConfiguration.writeProblem(json, response, HttpStatus.FORBIDDEN, "password_change_required",
                        "choose your own password first (Settings → Password): yours was set by someone else");
            } else {
                response.sendRedirect(request.getContextPath() + "/settings?change_password");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean mustChange(Authentication auth, HttpSession session) {
        boolean browser = session != null && !(auth instanceof BearerAuthentication);
        if (browser && auth.getName().equals(session.getAttribute(CHOSEN))) {
            return false;
        }
        boolean must;
        try {
            must = accounts.find(auth.getName()).map(UserAccount::mustChangePassword).orElse(false);
            lastKnown.put(auth.getName(), must);
        } catch (DataAccessException e) {
            return lastKnown.getOrDefault(auth.getName(), true);
        }
        if (!must && browser) {
            session.setAttribute(CHOSEN, auth.getName());
        }
        return must;
    }
}
