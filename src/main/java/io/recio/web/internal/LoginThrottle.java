package io.recio.web.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing: after {@value #FREE_ATTEMPTS} failed logins from one address, each
 * further attempt must wait, doubling up to {@link #MAX_LOCK}. A success clears the count.
 */
@Component
class LoginThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler,
        org.springframework.security.web.authentication.AuthenticationSuccessHandler {

    static final int FREE_ATTEMPTS = 5;
    static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                    jakarta.servlet.FilterChain chain) throws ServletException, IOException {
        Failures f = failures.get(request.getRemoteAddr());
        if (f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil())) {
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        failures.compute(request.getRemoteAddr(), (ip, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            Instant until = null;
            if (count > FREE_ATTEMPTS) {
                long seconds = Math.min(MAX_LOCK.toSeconds(), 1L << Math.min(20, count - FREE_ATTEMPTS));
                until = clock.instant().plusSeconds(seconds);
            }
            return new Failures(count, until);
        });
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        failures.remove(request.getRemoteAddr());
        success.onAuthenticationSuccess(request, response, authentication);
    }
}
