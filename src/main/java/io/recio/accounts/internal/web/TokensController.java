package io.recio.accounts.internal.web;

import io.recio.ApiProblem;
import io.recio.accounts.ApiToken;
import io.recio.accounts.ApiTokens;
import io.recio.accounts.AuditLog;
import io.recio.accounts.TokenScope;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own API tokens: list, create (the token shown once), revoke. */
@RestController
class TokensController {

    private final ApiTokens tokens;
    private final Clock clock;

    TokensController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token as Settings lists it (never the token itself). */
    record TokenView(long id, String name, String scope, Instant createdAt, Instant expiresAt, Instant revokedAt,
                     Instant lastUsedAt, String lastUsedFrom, boolean active) {

        static TokenView of(ApiToken t, Instant now) {
            return new TokenView(t.id(), t.name(), t.scope().wire(), t.createdAt(), t.expiresAt(), t.revokedAt(),
                    t.lastUsedAt(), t.lastUsedFrom(), t.activeAt(now));
        }
    }

    /** Body of {@code POST /api/me/tokens}. */
    record NewToken(String name, String scope, Integer expiresInDays) {
    }

    /** A token just made: {@code token} is shown this once and never again. */
    record CreatedToken(TokenView tokenInfo, String token) {
        /** The token redacted: Spring logs response bodies at debug level. */
        @Override
        public String toString() {
            return "CreatedToken[tokenInfo=" + tokenInfo + ", token=[redacted]]";
        }
    }

    @GetMapping("/api/me/tokens")
    List<TokenView> list(Principal user) {
        Instant now = clock.instant();
        return tokens.of(user.getName()).stream().map(t -> TokenView.of(t, now)).toList();
    }

    @PostMapping("/api/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedToken create(@RequestBody NewToken body, Principal user, HttpServletRequest request) {
        TokenScope scope;
        try {
            scope = TokenScope.parse(body.scope());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("scope", e.getMessage());
        }
        if (body.expiresInDays() == null || body.expiresInDays() < 1
                || body.expiresInDays() > ApiTokens.MAX_LIFETIME.toDays()) {
            throw ApiProblem.badInput("expires_in_days", "expires_in_days must be between 1 and "
                    + ApiTokens.MAX_LIFETIME.toDays());
        }
        ApiTokens.Created created;
        try {
            created = tokens.create(user.getName(), body.name(), scope, Duration.ofDays(body.expiresInDays()));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("name", e.getMessage());
        }
        request.setAttribute(AuditLog.DETAIL, "created token " + created.token().id() + " '" + created.token().name()
                + "' scope " + scope.wire() + " for " + body.expiresInDays() + " days");
        return new CreatedToken(TokenView.of(created.token(), clock.instant()), created.secret());
    }

    @DeleteMapping("/api/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id, Principal user, HttpServletRequest request) {
        if (!tokens.revoke(user.getName(), id)) {
            throw ApiProblem.notFound("you have no token " + id);
        }
        request.setAttribute(AuditLog.DETAIL, "revoked token " + id);
    }
}
