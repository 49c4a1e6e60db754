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

    /** The defaults as a simulated market needs them (see {@link TradeSettings#forSimulatedMarket}). */
    static TradeSettings demo(TradeSettings d) {
        return d.forSimulatedMarket();
    }
}
