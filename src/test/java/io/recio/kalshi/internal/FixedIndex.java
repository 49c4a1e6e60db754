package io.recio.kalshi.internal;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.prices.SimulatedPrices;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Index values the test sets; the settlement average of a close is the value once the clock has passed it. */
final class FixedIndex implements SimulatedPrices {

    private final Clock clock;
    private final Map<Symbol, SpotPrice> values = new ConcurrentHashMap<>();

    FixedIndex(Clock clock) {
        this.clock = clock;
        values.put(Symbol.BTC, SpotPrice.parse("90000.00"));
        values.put(Symbol.ETH, SpotPrice.parse("3000.00"));
    }

    void set(Symbol symbol, String value) {
        values.put(symbol, SpotPrice.parse(value));
    }

    @Override
    public SpotPrice indexAt(Symbol symbol, Instant at) {
        return values.get(symbol);
    }

    @Override
    public Optional<SpotPrice> settlementAverage(Symbol symbol, Instant close) {
        return clock.instant().isBefore(close) ? Optional.empty() : Optional.of(values.get(symbol));
    }

    @Override
    public SpotPrice trailingAverage(Symbol symbol, Instant at) {
        return values.get(symbol);
    }

    @Override
    public double annualisedVolatility(Symbol symbol) {
        return 0.5;
    }
}
