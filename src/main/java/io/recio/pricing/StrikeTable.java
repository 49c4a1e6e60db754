package io.recio.pricing;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A symbol's strike table (REC.IO's {@code <symbol>_strike_table.json}): the current and the next
 * event, every strike priced by one model against the live price and book.
 *
 * @param symbol        BTC or ETH
 * @param computedAt    when it was computed
 * @param spot          the live price used (null when no price is known yet)
 * @param priceAt       the second that price stands for
 * @param momentumBp    momentum in basis points (NaN when unknown)
 * @param deltasPercent the 1/2/3/4/15/30-minute % changes of the price tick
 * @param model         name of the model that produced the probabilities (null when none was ready)
 * @param stale         true when an input is too old to trust the numbers: act on nothing in this table
 * @param staleReasons  why it is stale (empty when fresh)
 * @param current       the event closing at the next top of the hour (null when unknown)
 * @param next          the event after it (null when not listed)
 */
public record StrikeTable(Symbol symbol, Instant computedAt, SpotPrice spot, Instant priceAt, double momentumBp,
                          Map<Integer, Double> deltasPercent, String model, boolean stale, List<String> staleReasons,
                          EventTable current, EventTable next) {

    public StrikeTable {
        deltasPercent = deltasPercent == null ? Map.of() : Map.copyOf(deltasPercent);
        staleReasons = List.copyOf(staleReasons);
    }

    /** How old the table is at {@code now}: consumers must not act on an old table. */
    public Duration age(Instant now) {
        return Duration.between(computedAt, now);
    }

    /** The events present, current first. */
    public List<EventTable> events() {
        return current == null ? (next == null ? List.of() : List.of(next))
                : next == null ? List.of(current) : List.of(current, next);
    }
}
