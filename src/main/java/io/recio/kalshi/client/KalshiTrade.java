package io.recio.kalshi.client;

import io.recio.market.Count;
import io.recio.market.Price;
import java.time.Instant;

/** A public trade from {@code GET /markets/trades} or the {@code trade} channel. */
public record KalshiTrade(String tradeId, String ticker, Count count, Price yesPrice, String takerOutcomeSide,
                          Instant at) {
}
