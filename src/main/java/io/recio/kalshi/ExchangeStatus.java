package io.recio.kalshi;

import java.time.Instant;
import java.util.Map;

/**
 * Whether the exchange (and each shard) is open and trading.
 *
 * @param exchangeActive  shard 0's exchange flag
 * @param tradingActive   shard 0's trading flag
 * @param shardTrading    trading flag per exchange_index, when Kalshi lists shards
 * @param estimatedResume when a pause is expected to end, or null
 */
public record ExchangeStatus(boolean exchangeActive, boolean tradingActive, Map<Integer, Boolean> shardTrading,
                             Instant estimatedResume) {

    public ExchangeStatus {
        shardTrading = Map.copyOf(shardTrading);
    }

    /** Whether orders are possible on {@code exchangeIndex} (shard 0's flag when the shard is not listed). */
    public boolean tradingOn(int exchangeIndex) {
        return shardTrading.getOrDefault(exchangeIndex, tradingActive) && exchangeActive;
    }
}
