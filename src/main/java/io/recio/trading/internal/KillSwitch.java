package io.recio.trading.internal;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The kill switch, persisted so a restart does not silently re-arm trading: when engaged, no new entries.
 * It fails closed: engaging cannot fail on its input (an overlong reason is cut), and when the database
 * cannot record it, the switch stays engaged in memory until a person releases it.
 */
@Repository
public class KillSwitch {

    /** The width of {@code trading.risk_state.kill_reason}. */
    static final int MAX_REASON = 500;

    private static final Logger log = LoggerFactory.getLogger(KillSwitch.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AlertLog alerts;
    /** Engaged but not (yet) recorded: holds trading off even when the database cannot be read. */
    private volatile String unrecorded;

    public KillSwitch(JdbcClient jdbc, Clock clock, AlertLog alerts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.alerts = alerts;
    }

    /** The reason it is engaged, or empty when trading may enter; engaged when the state cannot be read. */
    public Optional<String> engaged() {
        String pending = unrecorded;
        if (pending != null) {
            return Optional.of(pending);
        }
        try {
            return jdbc.sql("SELECT kill_switch, kill_reason FROM trading.risk_state WHERE id = 1")
                    .query((rs, i) -> rs.getBoolean(1) ? Optional.of(rs.getString(2)) : Optional.<String>empty())
                    .single();
        } catch (RuntimeException e) {
            return Optional.of("kill switch state unreadable: " + e.getMessage());
        }
    }

    /** Engages the switch; whatever goes wrong on the way, trading is halted when this returns. */
    public void engage(String reason) {
        String why = cut(reason == null || reason.isBlank() ? "engaged without a reason" : reason.strip());
        unrecorded = why;
        try {
            Optional<String> already = jdbc.sql("SELECT kill_switch, kill_reason FROM trading.risk_state WHERE id = 1")
                    .query((rs, i) -> rs.getBoolean(1) ? Optional.of(rs.getString(2)) : Optional.<String>empty())
                    .single();
            if (already.isEmpty()) {
                jdbc.sql("UPDATE trading.risk_state SET kill_switch = TRUE, kill_reason = ?, kill_since = ? WHERE id = 1")
                        .params(why, TradeManager.ts(clock.instant())).update();
            }
            unrecorded = null;
            if (already.isPresent()) {
                return;
            }
        } catch (RuntimeException e) {
            log.error("kill switch engaged in memory only, the database did not record it: {}", e.getMessage());
            return;
        }
        try {
            alerts.raise("KILL_SWITCH", null, "engaged: " + why);
        } catch (RuntimeException e) {
            log.error("kill switch engaged ({}), but its alert was not recorded: {}", why, e.getMessage());
        }
    }

    /** Releases the switch; an error leaves it engaged. */
    public void release(String by) {
        jdbc.sql("UPDATE trading.risk_state SET kill_switch = FALSE, kill_reason = NULL, kill_since = NULL WHERE id = 1")
                .update();
        unrecorded = null;
        alerts.raise("KILL_SWITCH", null, "released by " + by);
    }

    private static String cut(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }
}
