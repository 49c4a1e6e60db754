package io.recio.kalshi;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.time.Instant;

/**
 * One print of the settlement index (CF Benchmarks' BRTI or ETHUSD_RTI) from Kalshi's
 * {@code cfbenchmarks_value} channel, published as an application event; the feeds module uses it as
 * its fallback price source.
 *
 * @param symbol     BTC or ETH
 * @param at         the index time
 * @param value      the index value
 * @param average60s the trailing 60-second average Kalshi publishes with it, or null when absent
 */
public record IndexValue(Symbol symbol, Instant at, SpotPrice value, SpotPrice average60s) {
}
