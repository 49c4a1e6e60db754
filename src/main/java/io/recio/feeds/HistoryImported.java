package io.recio.feeds;

import io.recio.market.Symbol;

/**
 * Published when one-minute history of a symbol was added while recio runs (the demo's seeding, an
 * import), so models built from history can be built without waiting for their next schedule.
 *
 * @param symbol   the symbol whose history grew
 * @param inserted how many candles were added
 */
public record HistoryImported(Symbol symbol, long inserted) {
}
