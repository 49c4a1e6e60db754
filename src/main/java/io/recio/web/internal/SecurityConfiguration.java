package io.recio.web.internal;

import io.recio.accounts.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * Who may reach what: every route needs a session except the login page, static assets and
 * health; roles are enforced here on the server; the API answers 401/403 JSON, never a redirect.
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
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, JsonMapper json) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/health", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/error", "/error/**").permitAll()
                        .requestMatchers("/actuator/health/**").permitAll()
                        .requestMatchers("/api/admin/**", "/admin/**", "/actuator/**")
                        .hasRole(Role.MASTER_ADMIN.name())
                        .requestMatchers(SecurityConfiguration::adminPage).hasRole(Role.MASTER_ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .failureHandler(throttle)
                        .successHandler(throttle)
                        .permitAll())
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new HeaderOrFormCsrfTokens()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor((request, response, e) -> writeProblem(json, response,
                                HttpStatus.UNAUTHORIZED, "unauthorized", "sign in first: this API needs a session"), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> writeProblem(json, response,
                                HttpStatus.FORBIDDEN, "forbidden", "your role may not do this"), api))
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

    /** Whether the request is for a console page only a master admin may open ({@link ConsolePage}). */
    private static boolean adminPage(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ConsolePage.adminOnly().stream().anyMatch(p -> p.owns(path));
    }

    /** The throttle runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottleRegistration(LoginThrottle throttle) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(throttle);
        registration.setEnabled(false);
        return registration;
    }

    private static void writeProblem(JsonMapper json, HttpServletResponse response, HttpStatus status, String code,
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
