/**
 * Trading's port to wherever orders go ({@link io.recio.trading.venue.OrderVenue}) and the types it speaks: Kalshi,
 * the paper venue, or a backtest's in-process exchange implement it.
 */
@org.springframework.modulith.NamedInterface("venue")
package io.recio.trading.venue;
