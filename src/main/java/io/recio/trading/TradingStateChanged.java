package io.recio.trading;

/** Published when the trading state changes (a hold begins, ends or changes its reason). */
public record TradingStateChanged(TradingState state, TradingState previous) {
}
