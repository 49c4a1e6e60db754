package io.recio.trading;

import io.recio.market.Money;
import io.recio.market.Price;
import java.time.Duration;

/**
 * An open trade as the active_trade_supervisor sees it now (REC.IO's active_trades row).
 *
 * @param trade            the trade
 * @param probability      current model probability of the held side, or null without a live row
 * @param closePrice       the price it could be sold at now (the held side's bid), or null
 * @param unrealizedPnl    what selling now would realize after the taker fee, or null
 * @param distanceToStrike spot − strike in dollars (positive when spot is above), or null
 * @param held             time since entry
 * @param timeToClose      time until the market closes
 */
public record ActiveTrade(Trade trade, Double probability, Price closePrice, Money unrealizedPnl,
                          Double distanceToStrike, Duration held, Duration timeToClose) {
}
