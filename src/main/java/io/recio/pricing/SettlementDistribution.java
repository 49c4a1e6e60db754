package io.recio.pricing;

import io.recio.market.Strike;

/** A model's distribution of one event's settlement value, prepared once for many strikes. */
@FunctionalInterface
public interface SettlementDistribution {

    /** P(settlement value &gt; {@code level}), in 0..1. */
    double probabilityAbove(double level);

    /** P(YES) of a market with this strike (ties at the bound have probability zero in a continuous model). */
    default double probabilityYes(Strike strike) {
        return switch (strike.type()) {
            case GREATER, GREATER_OR_EQUAL -> probabilityAbove(strike.floor().dollars());
            case LESS, LESS_OR_EQUAL -> 1 - probabilityAbove(strike.cap().dollars());
            case BETWEEN -> Math.max(0, probabilityAbove(strike.floor().dollars())
                    - probabilityAbove(strike.cap().dollars()));
        };
    }
}
