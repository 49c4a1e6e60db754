package io.recio.accounts.internal;

import io.recio.accounts.Preferences;
import io.recio.accounts.UserPreferences;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Preferences in {@code users.preference}, one row per user who saved any. */
@Repository
class JdbcUserPreferences implements UserPreferences {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcUserPreferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Preferences of(String username) {
        return jdbc.sql("SELECT time_zone, sound, browser_notifications FROM users.preference WHERE username = ?")
                .param(username)
                .query((rs, n) -> new Preferences(ZoneId.of(rs.getString(1)), rs.getBoolean(2), rs.getBoolean(3)))
                .optional().orElse(Preferences.DEFAULTS);
    }

    @Override
    @Transactional
    public void save(String username, Preferences p) {
        jdbc.sql("DELETE FROM users.preference WHERE username = ?").param(username).update();
        jdbc.sql("INSERT INTO users.preference (username, time_zone, sound, browser_notifications, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(username, p.timeZone().getId(), p.sound(), p.browserNotifications(),
                        Timestamp.from(clock.instant()))
                .update();
    }
}
