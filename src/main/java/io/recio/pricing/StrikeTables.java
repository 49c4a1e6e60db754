package io.recio.pricing;

import io.recio.market.Symbol;
import java.util.List;
import java.util.Optional;

/** The latest strike table and watchlist of each symbol (unified_production_coordinator's output). */
public interface StrikeTables {

    Optional<StrikeTable> latest(Symbol symbol);

    List<WatchlistEntry> watchlist(Symbol symbol);
}
