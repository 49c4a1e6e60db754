package io.recio.trading;

import io.recio.market.Money;
import io.recio.market.Price;
import java.time.Duration;

/**
 * A live trade as the active_trade_supervisor sees it now (REC.IO's active_trades row): OPEN, or on its way in
 * (PENDING), out (CLOSING) or to settlement (EXPIRED).
 *
 * @param trade            the trade
 * @param probability      current model probability of the held side, or null without a live row
 * @param closePrice       the price it could be sold at now (the held side's bid), or null
 * @param unrealizedPnl    what selling now would realize after the taker fee, or null
 * @param distanceToStrike spot − strike in dollars (positive when spot is above), or null
 * @param held             time since entry
 * @param timeToClose      time until the market closes
 * @param outcomeUnknown   whether an order of it has an UNKNOWN outcome (being looked up: it may or may not have filled)
 */
public record ActiveTrade(Trade trade, Double probability, Price closePrice, Money unrealizedPnl,
                          Double distanceToStrike, Duration held, Duration timeToClose, boolean outcomeUnknown) {
}
