package io.recio.pricing;

import java.util.List;

/**
 * Published (as a plain application event, several per second) whenever a symbol's strike table is
 * recomputed: on every price tick, every quote change, and once a second for the clock. Auto-entry
 * reads P(yes), asks, edges, volume, time to close from the rows and must skip a {@code stale} table.
 *
 * @param table     the new table
 * @param watchlist the rows of it that pass the watchlist pre-filter
 */
public record StrikeTableUpdated(StrikeTable table, List<WatchlistEntry> watchlist) {

    public StrikeTableUpdated {
        watchlist = List.copyOf(watchlist);
    }
}
