package io.recio.ops.internal;

import io.recio.ops.AlertSeverity;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The alert channels' settings the admin saved ({@code system.alert_channel_setting}), read at each use (alerts are
 * few), so every instance on the database sends with the same settings.
 */
@Repository
class AlertChannelSettings {

    private final JdbcClient jdbc;
    private final Clock clock;

    AlertChannelSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The admin's settings of a channel; empty when none are saved, or when the database cannot be read. */
    Optional<ChannelSettings> stored(String channel) {
        try {
            return jdbc.sql("SELECT enabled, target, sender, account, secret, min_severity"
                            + " FROM system.alert_channel_setting WHERE channel = ?").param(channel)
                    .query((rs, i) -> new ChannelSettings(rs.getBoolean(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), AlertSeverity.valueOf(rs.getString(6))))
                    .optional();
        } catch (RuntimeException e) {
            // the database may be the trouble an alert is about: the configured keys still work
            return Optional.empty();
        }
    }

    void save(String channel, ChannelSettings s, String by) {
        int updated = jdbc.sql("UPDATE system.alert_channel_setting SET enabled = ?, target = ?, sender = ?, account = ?,"
                        + " secret = ?, min_severity = ?, updated_at = ?, updated_by = ? WHERE channel = ?")
                .params(s.enabled(), s.target(), s.sender(), s.account(), s.secret(), s.minSeverity().name(),
                        Timestamp.from(clock.instant()), by, channel)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO system.alert_channel_setting (channel, enabled, target, sender, account, secret,"
                            + " min_severity, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(channel, s.enabled(), s.target(), s.sender(), s.account(), s.secret(),
                            s.minSeverity().name(), Timestamp.from(clock.instant()), by)
                    .update();
        }
    }
}
