package io.recio.kalshi;

import io.recio.market.Count;
import io.recio.market.Money;
import java.time.Instant;

/**
 * Our position in one market: positive = YES contracts, negative = NO contracts.
 *
 * @param exposure   cost of the aggregate position
 * @param realizedPnl realised profit and loss
 * @param feesPaid   fees paid in this market
 * @param updatedAt  Kalshi's last update, or when recio saw it
 */
public record KalshiPosition(String ticker, Count position, Money exposure, Money realizedPnl, Money feesPaid,
                             Instant updatedAt) {
}
