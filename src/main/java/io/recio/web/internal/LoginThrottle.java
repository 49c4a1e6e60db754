package io.recio.web.internal;

import io.recio.accounts.AuditEntry;
import io.recio.accounts.AuditLog;
import io.recio.ops.AlertRaised;
import io.recio.ops.AlertSeverity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing, per account and per address. After {@value #ACCOUNT_FREE} failed sign-ins to
 * one account it is locked (from every address) for 2, 4, 8 … seconds up to {@link #MAX_LOCK}; after
 * {@value #ADDRESS_FREE} failures from one address, over any accounts, that address is locked the same way. So one
 * user's typos lock only their own account, never the others on a shared address, while spraying many accounts
 * from one address still stops. A lock expires by itself; the sign-in page says how long it lasts. A success
 * clears the account's count. Every lockout raises an ops alert; every sign-in and failure is audited.
 */
@Component
class LoginThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler, AuthenticationSuccessHandler {

    static final int ACCOUNT_FREE = 5;
    static final int ADDRESS_FREE = 20;
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    /** Beyond this many tracked names and addresses, those without a lock are forgotten (bounds the memory). */
    static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    LoginThrottle(Clock clock, ApplicationEventPublisher events, AuditLog audit) {
        this.clock = clock;
        this.events = events;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant now = clock.instant();
        String username = username(request);
        Instant until = later(lockedUntil(accounts, username, now), lockedUntil(addresses, request.getRemoteAddr(), now));
        if (until != null) {
            audit.record(username, "login", username, AuditEntry.Outcome.REFUSED, "locked until " + until,
                    request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + "/login?locked="
                    + Math.max(1, Duration.between(now, until).toSeconds()));
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        Instant now = clock.instant();
        String username = username(request);
        String address = request.getRemoteAddr();
        audit.record(username, "login", username, AuditEntry.Outcome.REFUSED, "wrong username or password", address);
        Instant accountLock = fail(accounts, username, ACCOUNT_FREE, now);
        Instant addressLock = fail(addresses, address, ADDRESS_FREE, now);
        if (accountLock != null) {
            lockedOut("account '" + username + "'", username, accountLock, address);
        }
        if (addressLock != null) {
            lockedOut("address " + address, address, addressLock, address);
        }
        forgetOldest(accounts, now);
        forgetOldest(addresses, now);
        Instant until = later(accountLock, addressLock);
        response.sendRedirect(request.getContextPath() + (until == null ? "/login?error"
                : "/login?locked=" + Math.max(1, Duration.between(now, until).toSeconds())));
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        accounts.remove(authentication.getName());
        audit.record(authentication.getName(), "login", authentication.getName(), AuditEntry.Outcome.OK, null,
                request.getRemoteAddr());
        success.onAuthenticationSuccess(request, response, authentication);
    }

    /** Counts one failure; returns the new lock's end when this failure locks, else null. */
    private static Instant fail(Map<String, Failures> table, String key, int free, Instant now) {
        Failures f = table.compute(key, (k, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            Instant until = null;
            if (count > free) {
                long seconds = Math.min(MAX_LOCK.toSeconds(), 1L << Math.min(20, count - free));
                until = now.plusSeconds(seconds);
            }
            return new Failures(count, until);
        });
        return f.lockedUntil();
    }

    private void lockedOut(String what, String subject, Instant until, String address) {
        String message = "Sign-in locked for " + what + " until " + until + " after repeated failed sign-ins (last from "
                + address + ").";
        events.publishEvent(new AlertRaised("LOGIN_LOCKOUT", AlertSeverity.WARNING, subject, message));
        audit.record(null, "login.lockout", what, AuditEntry.Outcome.REFUSED, "until " + until, address);
    }

    private static Instant lockedUntil(Map<String, Failures> table, String key, Instant now) {
        Failures f = table.get(key);
        return f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil()) ? f.lockedUntil() : null;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static void forgetOldest(Map<String, Failures> table, Instant now) {
        if (table.size() > MAX_TRACKED) {
            table.values().removeIf(f -> f.lockedUntil() == null || !now.isBefore(f.lockedUntil()));
        }
    }

    private static String username(HttpServletRequest request) {
        String name = request.getParameter("username");
        return name == null ? "" : name.length() > 64 ? name.substring(0, 64) : name;
    }
}
