package io.recio.trading.internal;

import io.recio.trading.TradeStatus;

/** A trade was asked to move where its state machine does not allow (or another writer moved it first). */
public class IllegalTransitionException extends IllegalStateException {

    public IllegalTransitionException(long tradeId, TradeStatus from, TradeStatus to) {
        super("trade " + tradeId + " cannot move from " + from + " to " + to);
    }
}
