package io.recio.pricing;

import io.recio.market.Symbol;

/** A settlement-aware probability model of where an hourly event settles. */
public interface ProbabilityModel {

    /** Short stable name shown in tables and the calculator, e.g. {@code fingerprint}. */
    String name();

    /** Whether the model has what it needs (built tables, a volatility estimate) for {@code symbol}. */
    boolean isReady(Symbol symbol);

    /** The settlement distribution for these inputs; call only when {@link #isReady} is true. */
    SettlementDistribution settlement(ModelInputs inputs);
}
