package io.recio.accounts;

import java.util.EnumSet;
import java.util.Set;

/**
 * What may be done in recio, and who may do it: THE permission table. Each permission names the roles that
 * hold it and the API token scopes that carry it; a token acts with the permissions its scope carries AND
 * its owner's role holds. The web module maps every route, page and live message to one permission
 * ({@code web/internal/AccessRules}); the access-matrix test checks the result.
 */
public enum Permission {
    /**
     * Watch: prices, strike tables, trades (one's own; an admin all), the Kalshi account, the status, and the stored
     * backtest reports (simulated trades and the settings tried: nothing secret, nothing that changes anything).
     */
    VIEW(roles(Role.USER, Role.MASTER_ADMIN), scopes(TokenScope.READ, TokenScope.TRADE, TokenScope.ADMIN)),
    /** Trade manually and close one's own trades (an admin closes any). */
    TRADE(roles(Role.USER, Role.MASTER_ADMIN), scopes(TokenScope.TRADE, TokenScope.ADMIN)),
    /** Edit one's own trade size and preferences. */
    OWN_SETTINGS(roles(Role.USER, Role.MASTER_ADMIN), scopes(TokenScope.TRADE, TokenScope.ADMIN)),
    /** Change one's own password and API tokens: only in a signed-in browser session, never with a token. */
    OWN_SECURITY(roles(Role.USER, Role.MASTER_ADMIN), scopes()),
    /** Read the Prometheus metrics (for a monitoring token). */
    METRICS(roles(Role.MASTER_ADMIN), scopes(TokenScope.READ, TokenScope.TRADE, TokenScope.ADMIN)),
    /** The account's trading: global settings and risk limits, auto-entry, the kill switch, cancelling orders. */
    CONTROL_TRADING(roles(Role.MASTER_ADMIN), scopes(TokenScope.ADMIN)),
    /** Run recio: services and restarts, logs, alerts, the simulator's faults, the Kalshi credentials. */
    OPERATE(roles(Role.MASTER_ADMIN), scopes(TokenScope.ADMIN)),
    /** Users and roles, and the audit log: only in a signed-in browser session. */
    MANAGE_USERS(roles(Role.MASTER_ADMIN), scopes());

    private final Set<Role> roles;
    private final Set<TokenScope> scopes;

    Permission(Set<Role> roles, Set<TokenScope> scopes) {
        this.roles = roles;
        this.scopes = scopes;
    }

    /** The Spring Security authority that grants this permission. */
    public String authority() {
        return "PERM_" + name();
    }

    /** Whether a user of {@code role} holds this permission in a browser session. */
    public boolean heldBy(Role role) {
        return roles.contains(role);
    }

    /** Whether a token of {@code scope} owned by a user of {@code owner} carries this permission. */
    public boolean heldBy(Role owner, TokenScope scope) {
        return roles.contains(owner) && scopes.contains(scope);
    }

    /** Every permission of a session of {@code role}. */
    public static Set<Permission> of(Role role) {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        for (Permission p : values()) {
            if (p.heldBy(role)) {
                all.add(p);
            }
        }
        return all;
    }

    /** Every permission of a token of {@code scope} owned by a user of {@code owner}. */
    public static Set<Permission> of(Role owner, TokenScope scope) {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        for (Permission p : values()) {
            if (p.heldBy(owner, scope)) {
                all.add(p);
            }
        }
        return all;
    }

    private static Set<Role> roles(Role... roles) {
        return Set.of(roles);
    }

    private static Set<TokenScope> scopes(TokenScope... scopes) {
        return Set.of(scopes);
    }
}
