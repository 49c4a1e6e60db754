package io.recio.trading.venue;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import java.time.Instant;

/**
 * One execution of an order at the venue.
 *
 * @param fillId the venue's trade id (fills arriving twice are deduplicated by it)
 * @param count  contracts
 * @param price  price of the order's side
 * @param fee    fee charged
 * @param at     when it executed
 */
public record VenueFill(String fillId, Count count, Price price, Money fee, Instant at) {
}
