package io.recio.ops.internal;

import io.recio.accounts.SecretBox;
import io.recio.ops.AlertSeverity;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The alert channels' settings the admin saved ({@code system.alert_channel_setting}), read at each use (alerts are
 * few), so every instance on the database sends with the same settings. The secret is stored sealed by accounts'
 * {@link SecretBox}; a plain secret an older version wrote is sealed when recio starts.
 */
@Repository
class AlertChannelSettings implements SecretBox.Holder {

    private static final Logger log = LoggerFactory.getLogger(AlertChannelSettings.class);

    /** A row's sealed secret. */
    private record SealedSecret(String channel, SecretBox.Sealed sealed) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretBox box;
    /** Channels whose secret another master key sealed, already reported: the panel reads them at every refresh. */
    private final Set<String> unreadableReported = ConcurrentHashMap.newKeySet();

    AlertChannelSettings(JdbcClient jdbc, Clock clock, SecretBox box) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.box = box;
    }

    /** A secret sealed for one channel opens for no other. */
    private static String purpose(String channel) {
        return "ops.alert_channel." + channel + ".secret";
    }

    /**
     * The admin's settings of a channel; empty when none are saved, or when the database cannot be read. A secret
     * that cannot be opened (sealed with another master key) reads as not set, so the channel says it needs one.
     */
    Optional<ChannelSettings> stored(String channel) {
        try {
            return jdbc.sql("SELECT enabled, target, sender, account, secret, secret_sealed, secret_key_id, min_severity"
                            + " FROM system.alert_channel_setting WHERE channel = ?").param(channel)
                    .query((rs, i) -> new ChannelSettings(rs.getBoolean(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), secret(channel, rs.getString(5), rs.getString(6), rs.getString(7)),
                            AlertSeverity.valueOf(rs.getString(8))))
                    .optional();
        } catch (RuntimeException e) {
            // the database may be the trouble an alert is about: the configured keys still work
            return Optional.empty();
        }
    }

    private String secret(String channel, String plain, String sealed, String keyId) {
        if (sealed == null) {
            return plain;
        }
        try {
            String secret = box.open(new SecretBox.Sealed(sealed, keyId), purpose(channel));
            unreadableReported.remove(channel);
            return secret;
        } catch (IllegalStateException e) {
            if (unreadableReported.add(channel)) {
                log.warn("alert channel {}: its secret cannot be opened ({}); enter it again in the System page",
                        channel, e.getMessage());
            }
            return null;
        }
    }

    void save(String channel, ChannelSettings s, String by) {
        SecretBox.Sealed sealed = ChannelSettings.blank(s.secret()) ? null : box.seal(s.secret(), purpose(channel));
        String value = sealed == null ? null : sealed.value();
        String keyId = sealed == null ? null : sealed.keyId();
        int updated = jdbc.sql("UPDATE system.alert_channel_setting SET enabled = ?, target = ?, sender = ?, account = ?,"
                        + " secret = NULL, secret_sealed = ?, secret_key_id = ?, min_severity = ?, updated_at = ?,"
                        + " updated_by = ? WHERE channel = ?")
                .params(s.enabled(), s.target(), s.sender(), s.account(), value, keyId, s.minSeverity().name(),
                        Timestamp.from(clock.instant()), by, channel)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO system.alert_channel_setting (channel, enabled, target, sender, account,"
                            + " secret_sealed, secret_key_id, min_severity, updated_at, updated_by)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(channel, s.enabled(), s.target(), s.sender(), s.account(), value, keyId,
                            s.minSeverity().name(), Timestamp.from(clock.instant()), by)
                    .update();
        }
    }

    /** Seals the plain secrets an older version stored; each instance on the database may do it, once is enough. */
    @EventListener(ApplicationReadyEvent.class)
    void sealPlainSecretsAtStart() {
        try {
            int sealed = sealPlainSecrets();
            if (sealed > 0) {
                log.info("sealed the stored secret of {} alert channel(s) with master key {}", sealed,
                        box.masterKeyId());
            }
        } catch (RuntimeException e) {
            // the next start tries again; until then the plain secret keeps the channel working
            log.warn("could not seal the alert channels' stored secrets: {}", e.getMessage());
        }
    }

    int sealPlainSecrets() {
        List<String[]> plain = jdbc.sql("SELECT channel, secret FROM system.alert_channel_setting WHERE secret IS NOT NULL")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        int sealed = 0;
        for (String[] row : plain) {
            SecretBox.Sealed s = box.seal(row[1], purpose(row[0]));
            // the plain value in the condition: a concurrent save or another instance's sealing wins
            sealed += jdbc.sql("UPDATE system.alert_channel_setting SET secret = NULL, secret_sealed = ?, secret_key_id = ?"
                            + " WHERE channel = ? AND secret = ?")
                    .params(s.value(), s.keyId(), row[0], row[1]).update();
        }
        return sealed;
    }

    /** Re-seals every channel's secret for a master key rotation, sealing any plain one first. */
    @Override
    public void reseal(SecretBox.Rotation rotation) {
        sealPlainSecrets();
        List<SealedSecret> rows = jdbc.sql("SELECT channel, secret_sealed, secret_key_id FROM system.alert_channel_setting"
                        + " WHERE secret_sealed IS NOT NULL")
                .query((rs, i) -> new SealedSecret(rs.getString(1), new SecretBox.Sealed(rs.getString(2), rs.getString(3))))
                .list();
        for (SealedSecret row : rows) {
            SecretBox.Sealed next = rotation.reseal(row.sealed(), purpose(row.channel()));
            jdbc.sql("UPDATE system.alert_channel_setting SET secret_sealed = ?, secret_key_id = ? WHERE channel = ?")
                    .params(next.value(), next.keyId(), row.channel()).update();
        }
    }
}
