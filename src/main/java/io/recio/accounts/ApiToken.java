package io.recio.accounts;

import java.time.Instant;

/**
 * A personal API token as its owner sees it later: never the token itself, which is shown once at creation.
 *
 * @param id           its number
 * @param username     its owner
 * @param name         what the owner called it, e.g. {@code grafana}
 * @param scope        read, trade or admin
 * @param createdAt    when it was made
 * @param expiresAt    after this it is refused
 * @param revokedAt    when its owner revoked it, or null
 * @param lastUsedAt   its last accepted use, or null
 * @param lastUsedFrom the address of that use, or null
 */
public record ApiToken(long id, String username, String name, TokenScope scope, Instant createdAt, Instant expiresAt,
                       Instant revokedAt, Instant lastUsedAt, String lastUsedFrom) {

    /** Whether it is accepted at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
