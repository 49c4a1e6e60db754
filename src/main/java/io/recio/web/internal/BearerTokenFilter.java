package io.recio.web.internal;

import io.recio.accounts.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Authorization: Bearer <token>} on {@code /api/**}, the OpenAPI description and {@code /actuator/prometheus}:
 * the request acts for the token's owner with the token's scope, for this request only (no session). An unknown,
 * expired or revoked token is a 401 at once, never a fall-back to the browser session.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final JsonMapper json;

    BearerTokenFilter(ApiTokens tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    /** Whether the request presents a token where tokens are accepted (such requests need no CSRF token). */
    static boolean presents(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        return isApi(request) || path(request).equals("/actuator/prometheus");
    }

    /** Whether the request is for the API or its OpenAPI description: answered with problems, never a redirect. */
    static boolean isApi(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/api/") || path.equals(OpenApiConfiguration.SPEC)
                || path.startsWith(OpenApiConfiguration.SPEC + "/") || path.startsWith(OpenApiConfiguration.SPEC + ".");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !presents(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = request.getHeader("Authorization").substring(PREFIX.length()).strip();
        Optional<ApiTokens.Bearer> bearer = tokens.authenticate(secret, request.getRemoteAddr());
        if (bearer.isEmpty()) {
            SecurityConfiguration.writeProblem(json, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                    "the API token is unknown, expired or revoked, or its owner is disabled");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new BearerAuthentication(bearer.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
