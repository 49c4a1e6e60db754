package io.recio.ops;

import java.time.Instant;
import java.util.List;

/**
 * Ops' request about trading, published by the cascading-failure detector whenever it changes: while
 * {@code suspended}, no new entries (open trades stay supervised, exits allowed), for the {@code reasons}
 * given. Trading listens; ops never reaches into trading.
 *
 * @param suspended whether new entries must stop
 * @param reasons   what is wrong, in the trader's words (empty when not suspended)
 * @param at        when the detector decided it
 */
public record TradingSuspension(boolean suspended, List<String> reasons, Instant at) {

    public TradingSuspension {
        reasons = List.copyOf(reasons);
    }
}
