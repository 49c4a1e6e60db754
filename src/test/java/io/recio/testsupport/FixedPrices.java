package io.recio.testsupport;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.prices.SimulatedPrices;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic index values for the simulators in tests: each symbol holds the value a test sets until
 * it sets another, and the settlement average of a close is that value once the clock has reached it.
 */
public final class FixedPrices implements SimulatedPrices {

    private final Clock clock;
    private final Map<Symbol, SpotPrice> values = new ConcurrentHashMap<>();

    public FixedPrices(Clock clock, String btc, String eth) {
        this.clock = clock;
        values.put(Symbol.BTC, SpotPrice.parse(btc));
        values.put(Symbol.ETH, SpotPrice.parse(eth));
    }

    public void set(Symbol symbol, String value) {
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
