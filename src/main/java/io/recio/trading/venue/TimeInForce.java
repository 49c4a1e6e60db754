package io.recio.trading.venue;

/** Kalshi has no market orders: every order is a limit order that must fill now, in part (IOC) or in full (FOK). */
public enum TimeInForce {
    /** Immediate or cancel: fill what is there at the worst price or better, cancel the rest. */
    IOC,
    /** Fill or kill: fill everything at the worst price or better, or nothing. */
    FOK
}
