package io.recio.trading.internal;

import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kill switch, persisted so a restart does not silently re-arm trading: when engaged, no new entries. */
@Repository
public class KillSwitch {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AlertLog alerts;

    public KillSwitch(JdbcClient jdbc, Clock clock, AlertLog alerts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.alerts = alerts;
    }

    /** The reason it is engaged, or empty when trading may enter. */
    public Optional<String> engaged() {
        return jdbc.sql("SELECT kill_switch, kill_reason FROM trading.risk_state WHERE id = 1")
                .query((rs, i) -> rs.getBoolean(1) ? Optional.of(rs.getString(2)) : Optional.<String>empty())
                .single();
    }

    public void engage(String reason) {
        if (engaged().isPresent()) {
            return;
        }
        jdbc.sql("UPDATE trading.risk_state SET kill_switch = TRUE, kill_reason = ?, kill_since = ? WHERE id = 1")
                .params(reason, TradeManager.ts(clock.instant())).update();
        alerts.raise("KILL_SWITCH", null, "engaged: " + reason);
    }

    public void release(String by) {
        jdbc.sql("UPDATE trading.risk_state SET kill_switch = FALSE, kill_reason = NULL, kill_since = NULL WHERE id = 1")
                .update();
        alerts.raise("KILL_SWITCH", null, "released by " + by);
    }
}
