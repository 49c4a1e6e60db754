package io.recio.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens for scripts and monitoring ({@code Authorization: Bearer}). Only a token's SHA-256 is
 * stored, so a token is shown once, when it is made.
 */
public interface ApiTokens {

    /** A token just made: {@code secret} is the only time the token itself is known. */
    record Created(ApiToken token, String secret) {
    }

    /** Who a presented token acts for: its owner's current role and the token's scope. */
    record Bearer(long tokenId, String username, Role role, TokenScope scope) {
    }

    /** Longest life a token may have. */
    Duration MAX_LIFETIME = Duration.ofDays(366);

    /**
     * Makes a token for {@code username}.
     *
     * @throws IllegalArgumentException when the name or lifetime is not acceptable (the message says why)
     */
    Created create(String username, String name, TokenScope scope, Duration lifetime);

    /** The user's tokens, newest first, revoked and expired ones included. */
    List<ApiToken> of(String username);

    /** Revokes one of the user's tokens; false when they have no such token. */
    boolean revoke(String username, long id);

    /**
     * The owner of a presented token when it is known, unexpired, unrevoked and its owner enabled; records the
     * use (time and address).
     */
    Optional<Bearer> authenticate(String secret, String from);
}
