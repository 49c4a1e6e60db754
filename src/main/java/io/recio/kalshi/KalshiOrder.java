package io.recio.kalshi;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import java.time.Instant;

/**
 * An order as Kalshi reports it (REST Order object or a {@code user_order} message). Prices are YES prices.
 *
 * @param ticker         the market ticker as Kalshi spells it (not only hourly markets)
 * @param outcomeSide    the contract side the order trades
 * @param bookSide       bid (buys YES) or ask (sells YES)
 * @param takerFees      taker fees so far
 * @param makerFees      maker fees so far
 * @param takerFillCost  cost of the taker fills
 * @param makerFillCost  cost of the maker fills
 * @param updatedAt      last update, or the creation time when Kalshi gives no update time
 */
public record KalshiOrder(String orderId, String clientOrderId, String ticker, Side outcomeSide, BookSide bookSide,
                          OrderStatus status, Price yesPrice, Count initialCount, Count fillCount,
                          Count remainingCount, Money takerFees, Money makerFees, Money takerFillCost,
                          Money makerFillCost, Instant createdAt, Instant updatedAt) {
}
