package io.recio.trading.venue;

/** Buy to open, sell to close. */
public enum OrderAction {
    BUY,
    SELL
}
