package io.recio.ops;

/** What a service's degradation means for trading; the cascading-failure detector acts on it. */
public enum TradingImpact {
    /** Worth knowing, harmless to trading (e.g. prices from the fallback source). */
    NONE,
    /** New entries are unsafe while it lasts (e.g. most venue calls failing): trading is suspended to exits only. */
    SUSPEND_ENTRIES
}
