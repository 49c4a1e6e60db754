package io.recio.trading.internal;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-user trade settings in {@code trading.trade_settings}; a user without a row has the defaults. */
@Repository
public class TradeSettingsStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public TradeSettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public TradeSettings of(String userId) {
        return jdbc.sql("SELECT * FROM trading.trade_settings WHERE user_id = ?").param(userId)
                .query((rs, i) -> new TradeSettings(rs.getBoolean("auto_entry_enabled"), rs.getBoolean("auto_stop_enabled"),
                        rs.getLong("position_size"), rs.getInt("multiplier"), rs.getDouble("min_probability"),
                        new Money(rs.getLong("min_edge")), rs.getInt("min_time_seconds"), rs.getInt("max_time_seconds"),
                        rs.getInt("cooldown_seconds"), rs.getDouble("spike_threshold"),
                        rs.getDouble("recovery_threshold"), rs.getInt("recovery_minutes"),
                        new Count(rs.getLong("min_volume")), new Price(rs.getLong("max_ask")),
                        rs.getDouble("stop_probability"), rs.getInt("stop_min_hold_seconds"),
                        rs.getInt("stop_verify_seconds"), rs.getBoolean("momentum_stop_enabled"),
                        rs.getDouble("momentum_stop_threshold")))
                .optional().orElse(TradeSettings.DEFAULTS);
    }

    /** Whether the user ever saved settings (without, they have the defaults). */
    public boolean saved(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM trading.trade_settings WHERE user_id = ?").param(userId)
                .query(Long.class).single() > 0;
    }

    /** Saves valid settings; invalid ones are refused with every problem named. */
    public void save(String userId, TradeSettings s) {
        List<String> problems = s.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        jdbc.sql("DELETE FROM trading.trade_settings WHERE user_id = ?").param(userId).update();
        jdbc.sql("""
                INSERT INTO trading.trade_settings (user_id, auto_entry_enabled, auto_stop_enabled, position_size,
                  multiplier, min_probability, min_edge, min_time_seconds, max_time_seconds, cooldown_seconds,
                  spike_threshold, recovery_threshold, recovery_minutes, min_volume, max_ask, stop_probability,
                  stop_min_hold_seconds, stop_verify_seconds, momentum_stop_enabled, momentum_stop_threshold, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(userId, s.autoEntryEnabled(), s.autoStopEnabled(), s.positionSize(), s.multiplier(),
                        s.minProbability(), s.minEdge().units(), s.minTimeSeconds(), s.maxTimeSeconds(),
                        s.cooldownSeconds(), s.spikeThreshold(), s.recoveryThreshold(), s.recoveryMinutes(),
                        s.minVolume().units(), s.maxAsk().units(), s.stopProbability(), s.stopMinHoldSeconds(),
                        s.stopVerifySeconds(), s.momentumStopEnabled(), s.momentumStopThreshold(),
                        TradeManager.ts(clock.instant()))
                .update();
    }
}
