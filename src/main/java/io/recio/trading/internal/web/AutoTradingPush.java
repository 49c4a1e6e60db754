package io.recio.trading.internal.web;

import io.recio.LiveUpdate;
import io.recio.trading.ActiveTradesUpdated;
import io.recio.trading.internal.AutoEntrySupervisor;
import io.recio.trading.internal.KillSwitch;
import io.recio.trading.internal.TradeExecutor;
import io.recio.trading.internal.TradeSettingsStore;
import io.recio.trading.internal.TradingProperties;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The account's automatic trading as the console shows it ({@code auto_trading} on the live channel): re-read
 * after every supervisor pass and sent when it changed, and at once after a change of settings or kill switch.
 */
@Component
class AutoTradingPush {

    /**
     * The account's auto-entry and auto-stop now.
     *
     * @param user        the user whose settings drive the supervisors (recio.trading.user)
     * @param autoEntry   ACTIVE, INACTIVE (outside its window), PAUSED (spike alert or kill switch) or DISABLED
     * @param tradingOn   whether orders may go out at all
     * @param offReason   why not, when not
     * @param killSwitch  the kill switch's reason, when engaged
     * @param settings    the supervisors' settings
     */
    record AutoTradingView(String user, String autoEntry, boolean tradingOn, String offReason, String killSwitch,
                           TradingControlController.SettingsJson settings) {
    }

    private final TradeSettingsStore settings;
    private final AutoEntrySupervisor autoEntry;
    private final TradeExecutor executor;
    private final KillSwitch killSwitch;
    private final TradingProperties properties;
    private final ApplicationEventPublisher events;
    private volatile AutoTradingView last;

    AutoTradingPush(TradeSettingsStore settings, AutoEntrySupervisor autoEntry, TradeExecutor executor,
                    KillSwitch killSwitch, TradingProperties properties, ApplicationEventPublisher events) {
        this.settings = settings;
        this.autoEntry = autoEntry;
        this.executor = executor;
        this.killSwitch = killSwitch;
        this.properties = properties;
        this.events = events;
    }

    AutoTradingView view() {
        return new AutoTradingView(properties.user(), autoEntry.status().name(), executor.offReason().isEmpty(),
                executor.offReason().orElse(null), killSwitch.engaged().orElse(null),
                TradingControlController.SettingsJson.of(settings.of(properties.user())));
    }

    @EventListener(ActiveTradesUpdated.class)
    void afterPass() {
        refresh();
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
