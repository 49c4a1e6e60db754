package io.recio.web.internal;

import io.recio.accounts.ApiTokens;
import io.recio.accounts.AuditEntry;
import io.recio.accounts.AuditLog;
import io.recio.accounts.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what: every route needs a permission ({@link AccessRules}) except the login page, static assets
 * and health; the API answers 401/403 problems, never a redirect. A browser signs in with a session (CSRF
 * token required on every change); a script sends {@code Authorization: Bearer <token>} to the API (no session,
 * no CSRF token). Each session is registered, so a user's sessions end at once when their access changes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Scripts and styles only from recio's own files: no inline script, handler, style element or eval. */
    private static final String CSP = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, JsonMapper json,
                                            ApiTokens tokens, SessionRegistry sessions, AuditLog audit,
                                            UserAccounts accounts) throws Exception {
        RequestMatcher api = BearerTokenFilter::isApi;
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(request -> !api.matches(request) && !BearerTokenFilter.presents(request));
        http
                .authorizeHttpRequests(AccessRules::apply)
                .formLogin(form -> form
                        .loginPage("/login")
                        .failureHandler(throttle)
                        .successHandler(throttle)
                        .permitAll())
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, json), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(accounts, json), AuthorizationFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::presents)
                        .csrfTokenRequestHandler(new HeaderOrFormCsrfTokens()))
                .requestCache(cache -> cache.requestCache(pagesOnly))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(session -> session
                        .sessionFixation(fixation -> fixation.changeSessionId())
                        .maximumSessions(-1)
                        .sessionRegistry(sessions)
                        .expiredSessionStrategy(event -> ended(json, event.getRequest(), event.getResponse())))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor((request, response, e) -> writeProblem(json, response,
                                HttpStatus.UNAUTHORIZED, "unauthorized",
                                "sign in first: this API needs a session or an API token"), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> {
                            audit.record(request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName(),
                                    "access.denied", request.getMethod() + " " + request.getRequestURI(),
                                    AuditEntry.Outcome.REFUSED, "the caller's role or token scope may not do this",
                                    request.getRemoteAddr());
                            writeProblem(json, response, HttpStatus.FORBIDDEN, "forbidden",
                                    "your role or token scope may not do this");
                        }, api))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * A request the firewall refuses before any controller (an encoded slash, a semicolon or {@code ..} in the path)
     * gets the same problem shape as every other refusal instead of an empty 400.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        return (request, response, e) -> writeProblem(json, response, HttpStatus.BAD_REQUEST, "invalid", "path",
                "the request path holds characters recio does not accept (encoded slashes, semicolons, '..')");
    }

    /**
     * No observation of each security filter, authentication and authorization: with the metrics registry present,
     * Spring Security otherwise wraps every filter of every request in an observation, an eighth of the strike-table
     * API's CPU time (bench/load.sh). The request itself is still observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Every signed-in session, so {@link SessionEnder} can end a user's at once. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when a session ends by itself (timeout, sign-out). */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** The throttle runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottleRegistration(LoginThrottle throttle) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(throttle);
        registration.setEnabled(false);
        return registration;
    }

    /** A request on a session ended by an access change: 401 for the API, back to the sign-in page otherwise. */
    private static void ended(JsonMapper json, HttpServletRequest request, HttpServletResponse response)
            throws java.io.IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "session_ended",
                    "your session ended because your account changed; sign in again");
        } else {
            response.sendRedirect(request.getContextPath() + "/login?ended");
        }
    }

    static void writeProblem(JsonMapper json, HttpServletResponse response, HttpStatus status, String code,
                             String message) throws java.io.IOException {
        writeProblem(json, response, status, code, null, message);
    }

    private static void writeProblem(JsonMapper json, HttpServletResponse response, HttpStatus status, String code,
                                     String field, String message) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(ApiErrors.body(status, code, field, message)));
    }
}
