package io.recio.kalshi.client;

import io.recio.market.Count;
import io.recio.market.Price;
import io.recio.market.Strike;
import java.time.Instant;

/**
 * A market from {@code GET /markets} (reference §5.1), the fields recio uses.
 *
 * @param strike          what it pays on, null for strike types recio does not model
 * @param status          Kalshi's status (active, closed, finalized, ...)
 * @param result          yes, no, scalar or empty
 * @param expirationValue the determined index value, empty before
 * @param exchangeIndex   the shard, -1 when absent
 */
public record KalshiMarket(String ticker, String eventTicker, Strike strike, String status, Instant openTime,
                           Instant closeTime, Price yesBid, Count yesBidSize, Price yesAsk, Count yesAskSize,
                           Price lastPrice, Count volume, String result, String expirationValue,
                           int exchangeIndex) {
}
