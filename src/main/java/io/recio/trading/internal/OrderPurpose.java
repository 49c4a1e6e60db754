package io.recio.trading.internal;

/** Why an order was sent: to open the trade or to close it. */
public enum OrderPurpose {
    ENTRY,
    EXIT
}
