package io.recio.trading.internal.web;

import io.recio.LiveUpdate;
import io.recio.trading.ActiveTradesUpdated;
import io.recio.trading.TradingMode;
import io.recio.trading.TradingState;
import io.recio.trading.TradingStateChanged;
import io.recio.trading.internal.AutoEntrySupervisor;
import io.recio.trading.internal.TradeSettingsStore;
import io.recio.trading.internal.TradingGate;
import io.recio.trading.internal.TradingProperties;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The account's automatic trading as the console shows it ({@code auto_trading} on the live channel): re-read
 * after every supervisor pass and change of the trading state, sent when it changed, and at once after a change
 * of settings or kill switch.
 */
@Component
class AutoTradingPush {

    private static final Logger log = LoggerFactory.getLogger(AutoTradingPush.class);

    /**
     * The account's auto-entry and auto-stop now.
     *
     * @param user        the user whose settings drive the supervisors (recio.trading.user)
     * @param autoEntry   ACTIVE, INACTIVE (outside its window), PAUSED (spike alert or kill switch) or DISABLED
     * @param mode        ACTIVE, REDUCING (exits only) or HALTED
     * @param tradingOn   whether new trades may be entered
     * @param offReason   why not, when not
     * @param killSwitch  the kill switch's reason, when engaged
     * @param settings    the supervisors' settings
     */
    record AutoTradingView(String user, String autoEntry, TradingMode mode, boolean tradingOn, String offReason,
                           String killSwitch, TradingControlController.SettingsJson settings) {
    }

    private final TradeSettingsStore settings;
    private final AutoEntrySupervisor autoEntry;
    private final TradingGate gate;
    private final TradingProperties properties;
    private final ApplicationEventPublisher events;
    private volatile AutoTradingView last;

    AutoTradingPush(TradeSettingsStore settings, AutoEntrySupervisor autoEntry, TradingGate gate,
                    TradingProperties properties, ApplicationEventPublisher events) {
        this.settings = settings;
        this.autoEntry = autoEntry;
        this.gate = gate;
        this.properties = properties;
        this.events = events;
    }

    AutoTradingView view() {
        TradingState state = gate.state();
        return new AutoTradingView(properties.user(), autoEntry.status(state).name(), state.mode(),
                state.entriesAllowed(), state.entriesAllowed() ? null : state.why(),
                TradingGate.killSwitchReason(state).orElse(null),
                TradingControlController.SettingsJson.of(settings.of(properties.user())));
    }

    /**
     * Pushes after each pass and change of state; with the database away (the settings are stored there) nothing is
     * pushed, and the change that published this is not failed for it: the next pass after its return pushes.
     */
    @EventListener({ActiveTradesUpdated.class, TradingStateChanged.class})
    void afterPass() {
        try {
            refresh();
        } catch (DataAccessException e) {
            log.debug("auto-trading view not pushed: {}", e.getMessage());
        }
    }

    /** Sends the view when it differs from the last one sent; answers it. */
    AutoTradingView refresh() {
        AutoTradingView now = view();
        if (!Objects.equals(now, last)) {
            last = now;
            events.publishEvent(LiveUpdate.latest("auto_trading", "account", now));
        }
        return now;
    }
}
