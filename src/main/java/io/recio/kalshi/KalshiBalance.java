package io.recio.kalshi;

import io.recio.market.Money;
import java.time.Instant;
import java.util.Map;

/**
 * The account's cash: available balance in total and per exchange shard (crypto trades on shard 2).
 *
 * @param available      available balance over all shards
 * @param portfolioValue value of the open positions
 * @param byShard        available balance per exchange_index (empty when Kalshi gave no breakdown)
 * @param updatedAt      Kalshi's update time
 */
public record KalshiBalance(Money available, Money portfolioValue, Map<Integer, Money> byShard, Instant updatedAt) {

    public KalshiBalance {
        byShard = Map.copyOf(byShard);
    }
}
