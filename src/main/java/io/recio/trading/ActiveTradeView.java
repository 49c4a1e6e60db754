package io.recio.trading;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A live trade on the wire: the trade's fields and, valued now, the probability of its side, the price it could
 * be sold at, the unrealized PnL after the taker fee, spot − strike, seconds held and seconds to the close.
 * {@code outcome_unknown} says an order of it has an UNKNOWN outcome: it may or may not have filled.
 */
public record ActiveTradeView(@JsonUnwrapped TradeView trade, Double probability, String closePrice,
                              String unrealizedPnl, Double distanceToStrike, long heldSeconds, long secondsToClose,
                              boolean outcomeUnknown) {

    public static ActiveTradeView of(ActiveTrade a) {
        return new ActiveTradeView(TradeView.of(a.trade()), a.probability(), TradeView.price(a.closePrice()),
                TradeView.dollars(a.unrealizedPnl()), a.distanceToStrike(), a.held().toSeconds(),
                a.timeToClose().toSeconds(), a.outcomeUnknown());
    }
}
