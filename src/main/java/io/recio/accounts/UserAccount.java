package io.recio.accounts;

import java.time.Instant;

/**
 * A person who may sign in to recio; the password hash never leaves the accounts module.
 *
 * @param mustChangePassword whether their password was set by someone else (generated, or reset by an admin), so
 *                           they must choose their own before doing anything else
 */
public record UserAccount(long id, String username, Role role, boolean enabled, Instant createdAt,
                          boolean mustChangePassword) {
}
