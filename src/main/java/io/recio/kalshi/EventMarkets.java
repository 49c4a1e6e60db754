package io.recio.kalshi;

import io.recio.market.EventTicker;
import java.time.Instant;
import java.util.List;

/**
 * One hourly event with the latest quote of each of its markets, ordered by strike.
 *
 * @param event      the event
 * @param quotes     the latest quote of every market of the event
 * @param observedAt when the books were last known to match Kalshi: now while they are kept in sync over
 *                   the WebSocket, otherwise when the newest quote arrived (the book's freshness)
 */
public record EventMarkets(EventTicker event, List<MarketQuote> quotes, Instant observedAt) {
}
