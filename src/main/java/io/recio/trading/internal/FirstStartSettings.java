package io.recio.trading.internal;

import io.recio.market.Count;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code recio.trading.auto-entry-at-first-start} (demo mode), the supervisors' user who never saved settings
 * starts with auto-entry on, so a newcomer sees the bot enter, supervise and close trades with the simulator's
 * money. Saved settings are never touched: turning it off sticks.
 */
@Component
class FirstStartSettings {

    private static final Logger log = LoggerFactory.getLogger(FirstStartSettings.class);

    private final TradeSettingsStore settings;
    private final TradingProperties properties;

    FirstStartSettings(TradeSettingsStore settings, TradingProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void apply() {
        if (properties.autoEntryAtFirstStart() && !settings.saved(properties.user())) {
            settings.save(properties.user(), demo(TradeSettings.DEFAULTS));
            log.info("auto-entry is on for {} (first start in demo mode); turn it off on the Trade Monitor",
                    properties.user());
        }
    }

    /**
     * The defaults with auto-entry on and gates the simulated market passes now and then: no volume filter (the
     * simulated exchange reports no traded volume) and a minimum probability of 70 % instead of 95 % (the
     * simulated makers price the strong favourites above the model, so REC.IO's 95 % finds almost nothing to buy;
     * from 70 % the bot still buys only the favoured side, several times an hour).
     */
    static TradeSettings demo(TradeSettings d) {
        return new TradeSettings(true, d.autoStopEnabled(), d.positionSize(), d.multiplier(), 70.0, d.minEdge(),
                d.minTimeSeconds(), d.maxTimeSeconds(), d.cooldownSeconds(), d.spikeThreshold(), d.recoveryThreshold(),
                d.recoveryMinutes(), Count.ZERO, d.maxAsk(), d.stopProbability(), d.stopMinHoldSeconds(),
                d.stopVerifySeconds(), d.momentumStopEnabled(), d.momentumStopThreshold());
    }
}
