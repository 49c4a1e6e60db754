package io.recio.kalshi;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import java.time.Instant;

/**
 * One fill of one of our orders (REST Fill or a {@code fill} message); {@code tradeId} identifies it for
 * deduplication. Direction comes from {@code outcomeSide}/{@code bookSide}, never the legacy fields.
 *
 * @param exchangeIndex the shard, or -1 when Kalshi did not say
 */
public record KalshiFill(String tradeId, String orderId, String ticker, Side outcomeSide, BookSide bookSide,
                         Count count, Price yesPrice, boolean taker, Money fee, Instant at, int exchangeIndex) {

    /** The price paid in the terms of the outcome side (a NO price for NO). */
    public Price sidePrice() {
        return outcomeSide == Side.YES ? yesPrice : yesPrice.complement();
    }
}
