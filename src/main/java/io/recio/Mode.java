package io.recio;

/** How recio trades: against its built-in world, on paper against live data, or for real. */
public enum Mode {
    /** Embedded database, built-in exchange and feed simulators; no setup, no network. */
    DEMO,
    /** Live prices and Kalshi market data; fills simulated locally against the live book. */
    PAPER,
    /** Real orders on Kalshi with the user's API key. */
    LIVE
}
