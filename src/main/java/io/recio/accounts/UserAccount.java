package io.recio.accounts;

import java.time.Instant;

/** A person who may sign in to recio; the password hash never leaves the accounts module. */
public record UserAccount(long id, String username, Role role, boolean enabled, Instant createdAt) {
}
