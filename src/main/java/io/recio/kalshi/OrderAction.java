package io.recio.kalshi;

/** Whether an order opens (buys) or closes (sells) contracts of its side. */
public enum OrderAction {
    BUY,
    SELL
}
