package io.recio.kalshi.internal.credentials;

import io.recio.RecioProperties;
import io.recio.kalshi.client.KalshiCredentials;
import io.recio.kalshi.client.PemKeys;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The account's Kalshi API key in {@code users.kalshi_credential}, key id and private key sealed with the
 * {@link MasterKey} (created at first start when neither {@code RECIO_MASTER_KEY} nor the key file exists).
 * Nothing it returns to callers outside the kalshi module carries key material.
 */
@Repository
public class CredentialVault {

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
    private final Environment environment;
    private final RecioProperties recio;
    private volatile MasterKey masterKey;

    CredentialVault(JdbcClient jdbc, Clock clock, Environment environment, RecioProperties recio) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.environment = environment;
        this.recio = recio;
        this.masterKey = MasterKey.load(environment.getProperty(MasterKey.ENVIRONMENT_VARIABLE), recio.dataDir(), true)
                .orElseThrow();
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
        MasterKey key = masterKey;
        return jdbc.sql("SELECT environment, key_id_sealed, private_key_sealed, master_key_id FROM users.kalshi_credential"
                        + " WHERE id = 1")
                .query((rs, n) -> {
                    if (!rs.getString(4).equals(key.id())) {
                        throw new IllegalStateException("the stored Kalshi credentials were sealed with master key "
                                + rs.getString(4) + " but recio has master key " + key.id() + " ("
                                + source() + "); restore that key or enter the credentials again");
                    }
                    return new Opened(KalshiEnvironment.valueOf(rs.getString(1)), new KalshiCredentials(
                            key.open(rs.getString(2), KEY_ID), PemKeys.parse(key.open(rs.getString(3), PRIVATE_KEY))));
                })
                .optional();
    }

    /** Stores (or replaces) the key; {@code privateKeyPem} must already have been checked. */
    @Transactional
    public void save(KalshiEnvironment env, String keyId, String privateKeyPem, String by) {
        MasterKey key = masterKey;
        jdbc.sql("DELETE FROM users.kalshi_credential WHERE id = 1").update();
        jdbc.sql("INSERT INTO users.kalshi_credential (id, environment, key_id_sealed, private_key_sealed, master_key_id,"
                        + " updated_at, updated_by) VALUES (1, ?, ?, ?, ?, ?, ?)")
                .params(env.name(), key.seal(keyId.strip(), KEY_ID), key.seal(privateKeyPem, PRIVATE_KEY), key.id(),
                        Timestamp.from(clock.instant()), by)
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

    /**
     * Re-seals the stored key with {@code next} in one transaction and makes {@code next} the master key; the key
     * file is replaced only after the database committed, so a crash in between leaves the old pair usable.
     * With {@code RECIO_MASTER_KEY} set the file is not touched: the caller must set the variable to {@code next}.
     */
    @Transactional
    public void rotate(MasterKey next) {
        MasterKey old = masterKey;
        Optional<String[]> row = jdbc.sql("SELECT key_id_sealed, private_key_sealed, master_key_id FROM users.kalshi_credential"
                        + " WHERE id = 1")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).optional();
        if (row.isPresent()) {
            if (!row.get()[2].equals(old.id())) {
                throw new IllegalStateException("the stored credentials were sealed with master key " + row.get()[2]
                        + ", not with recio's current key " + old.id() + "; nothing was changed");
            }
            jdbc.sql("UPDATE users.kalshi_credential SET key_id_sealed = ?, private_key_sealed = ?, master_key_id = ?"
                            + " WHERE id = 1")
                    .params(next.seal(old.open(row.get()[0], KEY_ID), KEY_ID),
                            next.seal(old.open(row.get()[1], PRIVATE_KEY), PRIVATE_KEY), next.id())
                    .update();
        }
        boolean file = !fromEnvironment();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (file) {
                    next.replaceFile(MasterKey.file(recio.dataDir()));
                }
                masterKey = next;
            }
        });
        log.info("master key rotated from {} to {}", old.id(), next.id());
    }

    /** Whether the master key comes from {@code RECIO_MASTER_KEY} rather than the key file. */
    public boolean fromEnvironment() {
        String value = environment.getProperty(MasterKey.ENVIRONMENT_VARIABLE);
        return value != null && !value.isBlank();
    }

    /** The current master key's id. */
    public String masterKeyId() {
        return masterKey.id();
    }

    private String source() {
        return fromEnvironment() ? MasterKey.ENVIRONMENT_VARIABLE : MasterKey.file(recio.dataDir()).toString();
    }
}
