package io.recio.trading;

import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Side;
import java.time.Instant;

/**
 * Kalshi settled a market: the side that paid and any fee charged AT settlement (for the account's
 * whole position in it; zero for Kalshi's yes/no markets, whose fees are all charged on the fills).
 * The kalshi account sync's settlement event is mapped onto this.
 */
public record SettlementNotice(MarketTicker ticker, Side result, Money fee, Instant settledAt) {
}
