package io.recio.trading.internal;

import io.recio.market.MarketTicker;
import io.recio.market.Side;
import io.recio.market.Symbol;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The auto-entry supervisor's persisted memory: spike alert per user and symbol, cooldown per strike and side. */
@Repository
public class AutoEntryState {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AutoEntryState(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public SpikeAlert spike(String user, Symbol symbol) {
        return jdbc.sql("SELECT spike_alert, spike_since, calm_since FROM trading.auto_entry_state WHERE user_id = ? AND symbol = ?")
                .params(user, symbol.name())
                .query((rs, i) -> new SpikeAlert(rs.getBoolean(1), TradeManager.instant(rs.getTimestamp(2)),
                        TradeManager.instant(rs.getTimestamp(3))))
                .optional().orElse(SpikeAlert.CLEAR);
    }

    public void saveSpike(String user, Symbol symbol, SpikeAlert s) {
        int n = jdbc.sql("UPDATE trading.auto_entry_state SET spike_alert = ?, spike_since = ?, calm_since = ?, updated_at = ?"
                        + " WHERE user_id = ? AND symbol = ?")
                .params(s.alert(), TradeManager.ts(s.spikeSince()), TradeManager.ts(s.calmSince()),
                        TradeManager.ts(clock.instant()), user, symbol.name())
                .update();
        if (n == 0) {
            jdbc.sql("INSERT INTO trading.auto_entry_state (user_id, symbol, spike_alert, spike_since, calm_since, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(user, symbol.name(), s.alert(), TradeManager.ts(s.spikeSince()),
                            TradeManager.ts(s.calmSince()), TradeManager.ts(clock.instant()))
                    .update();
        }
    }

    public Instant lastEntry(String user, MarketTicker ticker, Side side) {
        return jdbc.sql("SELECT last_entry_at FROM trading.entry_cooldown WHERE user_id = ? AND ticker = ? AND side = ?")
                .params(user, ticker.toString(), side.name())
                .query((rs, i) -> TradeManager.instant(rs.getTimestamp(1))).optional().orElse(null);
    }

    public void entered(String user, MarketTicker ticker, Side side, Instant at) {
        int n = jdbc.sql("UPDATE trading.entry_cooldown SET last_entry_at = ? WHERE user_id = ? AND ticker = ? AND side = ?")
                .params(TradeManager.ts(at), user, ticker.toString(), side.name()).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO trading.entry_cooldown (user_id, ticker, side, last_entry_at) VALUES (?, ?, ?, ?)")
                    .params(user, ticker.toString(), side.name(), TradeManager.ts(at)).update();
        }
    }
}
