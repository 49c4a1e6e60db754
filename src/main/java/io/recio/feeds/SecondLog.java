package io.recio.feeds;

import io.recio.feeds.internal.PriceWindow;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.time.Duration;
import java.time.Instant;

/**
 * The price log's derivation of one second (deltas, weighted momentum, trailing 60-second average)
 * for a replay outside the running feed (the backtester): the same window the watchdogs log through.
 * Not thread-safe: one replay owns it.
 */
public final class SecondLog {

    private final Symbol symbol;
    private final String source;
    private final PriceWindow window = new PriceWindow();

    public SecondLog(Symbol symbol, String source) {
        this.symbol = symbol;
        this.source = source;
    }

    /** Logs the price of {@code second} (after the last one logged) and returns its tick. */
    public PriceTick log(Instant second, SpotPrice price) {
        PriceWindow.Derived d = window.log(second, price.units());
        return new PriceTick(symbol, second, price, d.deltasPercent(), d.momentum(), new SpotPrice(d.average60sUnits()),
                source, Duration.ZERO);
    }
}
