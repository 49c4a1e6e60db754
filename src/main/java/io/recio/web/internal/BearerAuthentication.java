package io.recio.web.internal;

import io.recio.accounts.ApiTokens;
import io.recio.accounts.Role;
import io.recio.accounts.TokenScope;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request made with an API token. It carries the master admin's role only for an admin-scoped token of a
 * master admin, so a module's {@code @PreAuthorize("hasRole('MASTER_ADMIN')")} refuses a narrower token.
 */
final class BearerAuthentication extends AbstractAuthenticationToken {

    private final ApiTokens.Bearer bearer;

    BearerAuthentication(ApiTokens.Bearer bearer) {
        super(List.of(new SimpleGrantedAuthority(
                bearer.role() == Role.MASTER_ADMIN && bearer.scope() == TokenScope.ADMIN
                        ? Role.MASTER_ADMIN.authority() : Role.USER.authority())));
        this.bearer = bearer;
        setAuthenticated(true);
    }

    ApiTokens.Bearer bearer() {
        return bearer;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return bearer.username();
    }

    @Override
    public String getName() {
        return bearer.username();
    }
}
