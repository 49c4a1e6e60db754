package io.recio.trading.internal;

import io.recio.market.Count;
import io.recio.market.Money;
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
     * The defaults with auto-entry on and gates the simulated market passes: no volume filter (the simulated
     * exchange reports no traded volume), any probability from 10 % with an edge of at least 1¢ (the simulated
     * makers price the favourites above the model, so REC.IO's 95 % minimum would find nothing to buy), and an
     * auto-stop below 5 % so a lost cause is sold rather than held to the close.
     */
    static TradeSettings demo(TradeSettings d) {
        return new TradeSettings(true, true, d.positionSize(), d.multiplier(), 10.0, Money.ofCents(1),
                d.minTimeSeconds(), d.maxTimeSeconds(), d.cooldownSeconds(), d.spikeThreshold(), d.recoveryThreshold(),
                d.recoveryMinutes(), Count.ZERO, d.maxAsk(), 5.0, d.stopMinHoldSeconds(), d.stopVerifySeconds(),
                d.momentumStopEnabled(), d.momentumStopThreshold());
    }
}
