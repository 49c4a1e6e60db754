package io.recio.accounts.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the accounts module under {@code recio.accounts.*}.
 *
 * @param initialAdminPassword the first master admin's password (RECIO_ADMIN_PASSWORD); empty = generate one
 */
@ConfigurationProperties("recio.accounts")
public record AccountsProperties(@DefaultValue("") String initialAdminPassword) {
}
