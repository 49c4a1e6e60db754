package io.recio.kalshi.internal.credentials;

import io.recio.accounts.SecretBox;
import io.recio.kalshi.client.KalshiCredentials;
import io.recio.kalshi.client.PemKeys;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's Kalshi API key in {@code users.kalshi_credential}, key id and private key sealed by accounts'
 * {@link SecretBox} (whose master key is re-sealed here on rotation). Nothing it returns to callers outside the kalshi
 * module carries key material.
 */
@Repository
public class CredentialVault implements SecretBox.Holder {

    private static final Logger log = LoggerFactory.getLogger(CredentialVault.class);
    private static final String KEY_ID = "kalshi.key_id";
    private static final String PRIVATE_KEY = "kalshi.private_key";

    /** What the console may show about the stored key: never the key id or key themselves. */
    public record Summary(KalshiEnvironment environment, Instant updatedAt, String updatedBy, String masterKeyId) {
    }

    /** The stored key, opened. */
    public record Opened(KalshiEnvironment environment, KalshiCredentials credentials) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretBox box;

    CredentialVault(JdbcClient jdbc, Clock clock, SecretBox box) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.box = box;
    }

    /** The stored key's environment and when and by whom it was set. */
    public Optional<Summary> summary() {
        return jdbc.sql("SELECT environment, updated_at, updated_by, master_key_id FROM users.kalshi_credential WHERE id = 1")
                .query((rs, n) -> new Summary(KalshiEnvironment.valueOf(rs.getString(1)),
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The stored key, decrypted; a value sealed with another master key is an {@link IllegalStateException}. */
    public Optional<Opened> open() {
        String current = box.masterKeyId();
        return jdbc.sql("SELECT environment, key_id_sealed, private_key_sealed, master_key_id FROM users.kalshi_credential"
                        + " WHERE id = 1")
                .query((rs, n) -> {
                    String keyId = rs.getString(4);
                    if (!keyId.equals(current)) {
                        throw new IllegalStateException("the stored Kalshi credentials were sealed with master key "
                                + keyId + " but recio has master key " + current + " (" + box.masterKeySource()
                                + "); restore that key or enter the credentials again");
                    }
                    return new Opened(KalshiEnvironment.valueOf(rs.getString(1)), new KalshiCredentials(
                            box.open(new SecretBox.Sealed(rs.getString(2), keyId), KEY_ID),
                            PemKeys.parse(box.open(new SecretBox.Sealed(rs.getString(3), keyId), PRIVATE_KEY))));
                })
                .optional();
    }

    /** Stores (or replaces) the key; {@code privateKeyPem} must already have been checked. */
    @Transactional
    public void save(KalshiEnvironment env, String keyId, String privateKeyPem, String by) {
        SecretBox.Sealed id = box.seal(keyId.strip(), KEY_ID);
        SecretBox.Sealed key = box.seal(privateKeyPem, PRIVATE_KEY);
        jdbc.sql("DELETE FROM users.kalshi_credential WHERE id = 1").update();
        jdbc.sql("INSERT INTO users.kalshi_credential (id, environment, key_id_sealed, private_key_sealed, master_key_id,"
                        + " updated_at, updated_by) VALUES (1, ?, ?, ?, ?, ?, ?)")
                .params(env.name(), id.value(), key.value(), id.keyId(), Timestamp.from(clock.instant()), by)
                .update();
        log.info("Kalshi credentials for the {} environment stored by {}", env, by);
    }

    /** Moves the stored key to the other environment; false when there is no stored key. */
    public boolean switchEnvironment(KalshiEnvironment env, String by) {
        int rows = jdbc.sql("UPDATE users.kalshi_credential SET environment = ?, updated_at = ?, updated_by = ? WHERE id = 1")
                .params(env.name(), Timestamp.from(clock.instant()), by).update();
        if (rows > 0) {
            log.info("Kalshi environment switched to {} by {}", env, by);
        }
        return rows > 0;
    }

    /** Forgets the stored key; false when there was none. */
    public boolean delete(String by) {
        boolean deleted = jdbc.sql("DELETE FROM users.kalshi_credential WHERE id = 1").update() > 0;
        if (deleted) {
            log.info("Kalshi credentials deleted by {}", by);
        }
        return deleted;
    }

    /** Re-seals the stored key (both values carry the row's master key id) for a master key rotation. */
    @Override
    public void reseal(SecretBox.Rotation rotation) {
        jdbc.sql("SELECT key_id_sealed, private_key_sealed, master_key_id FROM users.kalshi_credential WHERE id = 1")
                .query((rs, n) -> new SecretBox.Sealed[] {new SecretBox.Sealed(rs.getString(1), rs.getString(3)),
                        new SecretBox.Sealed(rs.getString(2), rs.getString(3))})
                .optional()
                .ifPresent(row -> {
                    SecretBox.Sealed id = rotation.reseal(row[0], KEY_ID);
                    SecretBox.Sealed key = rotation.reseal(row[1], PRIVATE_KEY);
                    jdbc.sql("UPDATE users.kalshi_credential SET key_id_sealed = ?, private_key_sealed = ?,"
                                    + " master_key_id = ? WHERE id = 1")
                            .params(id.value(), key.value(), id.keyId()).update();
                });
    }
}
