package io.recio.web.internal;

import io.recio.accounts.Permission;
import io.recio.accounts.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Which permission each route needs: the route half of the permission table ({@link Permission} says which
 * roles and token scopes hold each). Read top to bottom, the first matching line decides. A read ({@code GET})
 * of the API needs {@link Permission#VIEW}; any other API call not listed needs {@link Permission#OPERATE}, so
 * a new route is admin-only until a line here says otherwise. Modules keep their {@code @PreAuthorize} as well.
 */
final class AccessRules {

    /** One line of the table: a method (null = any) and path pattern, and the permission it needs. */
    record Rule(HttpMethod method, String pattern, Permission permission) {
    }

    /** Public: sign-in, health, static assets and error pages. */
    static final String[] PUBLIC = {"/login", "/health", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
            "/error", "/error/**", "/actuator/health", "/actuator/health/**"};

    /** The API reference page's own files (Swagger UI, under whatever prefix springdoc registers them): for signed-in users, like the page and the spec it shows. */
    static final String API_REFERENCE_ASSETS = "/webjars/*swagger-ui/**";

    static final List<Rule> RULES = List.of(
            new Rule(null, "/api/me/password", Permission.OWN_SECURITY),
            new Rule(null, "/api/me/tokens/**", Permission.OWN_SECURITY),
            new Rule(HttpMethod.PUT, "/api/me/preferences", Permission.OWN_SETTINGS),
            new Rule(HttpMethod.PUT, "/api/trade_settings", Permission.OWN_SETTINGS),
            new Rule(HttpMethod.POST, "/api/trades", Permission.TRADE),
            new Rule(HttpMethod.POST, "/api/trades/*/close", Permission.TRADE),
            new Rule(HttpMethod.PUT, "/api/auto_trading", Permission.CONTROL_TRADING),
            new Rule(HttpMethod.POST, "/api/kill_switch", Permission.CONTROL_TRADING),
            new Rule(HttpMethod.DELETE, "/api/account/orders/**", Permission.CONTROL_TRADING),
            new Rule(null, "/api/admin/users/**", Permission.MANAGE_USERS),
            new Rule(null, "/api/admin/audit/**", Permission.MANAGE_USERS),
            new Rule(null, "/api/admin/**", Permission.OPERATE),
            new Rule(null, "/api/logs/**", Permission.OPERATE),
            new Rule(null, "/api/alerts/channels", Permission.OPERATE),
            new Rule(null, "/api/alerts/test", Permission.OPERATE),
            new Rule(HttpMethod.GET, "/api/**", Permission.VIEW),
            new Rule(null, "/api/**", Permission.OPERATE),
            new Rule(null, "/actuator/prometheus", Permission.METRICS),
            new Rule(null, "/actuator/**", Permission.OPERATE),
            new Rule(null, "/ws/live", Permission.VIEW));

    private AccessRules() {
    }

    /** Applies the table, then the console pages' permissions; anything else needs {@link Permission#VIEW}. */
    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(API_REFERENCE_ASSETS).access(needs(Permission.VIEW));
        auth.requestMatchers(PUBLIC).permitAll();
        for (Rule r : RULES) {
            if (r.method() == null) {
                auth.requestMatchers(r.pattern()).access(needs(r.permission()));
            } else {
                auth.requestMatchers(r.method(), r.pattern()).access(needs(r.permission()));
            }
        }
        for (ConsolePage page : ConsolePage.values()) {
            String[] paths = page.path().equals("/") ? new String[] {"/"} : new String[] {page.path(), page.path() + "/**"};
            auth.requestMatchers(paths).access(needs(page.permission()));
        }
        auth.anyRequest().access(needs(Permission.VIEW));
    }

    /** Grants when the authentication holds {@code permission}. */
    static AuthorizationManager<RequestAuthorizationContext> needs(Permission permission) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                                 RequestAuthorizationContext context) {
                return new AuthorizationDecision(permissions(authentication.get()).contains(permission));
            }
        };
    }

    /**
     * What an authentication may do: a token's permissions ({@link BearerAuthentication}), else those of the
     * session's role; nothing for an anonymous visitor.
     */
    static Set<Permission> permissions(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            return Set.of();
        }
        if (auth instanceof BearerAuthentication bearer) {
            return Permission.of(bearer.bearer().role(), bearer.bearer().scope());
        }
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        for (GrantedAuthority g : auth.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(g.getAuthority())) {
                    all.addAll(Permission.of(role));
                }
            }
        }
        return all;
    }
}
