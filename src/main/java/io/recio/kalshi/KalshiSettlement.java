package io.recio.kalshi;

import io.recio.market.Count;
import io.recio.market.Money;
import java.time.Instant;

/**
 * The settlement of one market we held.
 *
 * @param result  yes, no or scalar
 * @param revenue what the settlement paid us
 * @param fee     the settlement fee (none for yes/no markets)
 */
public record KalshiSettlement(String ticker, String eventTicker, String result, Count yesCount, Money yesTotalCost,
                               Count noCount, Money noTotalCost, Money revenue, Money fee, Instant settledAt) {
}
