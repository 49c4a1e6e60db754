package io.recio.pricing.internal.model;

import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import io.recio.pricing.ProbabilityModel;
import io.recio.pricing.SettlementDistribution;
import java.util.EnumMap;
import java.util.Map;

/**
 * REC.IO's empirical fingerprint, done exactly: the settlement probability is read from the
 * recency-weighted distribution of historical % moves at the live (effective) horizon, in the live
 * momentum bucket, at the live price's % distance to the strike.
 */
public final class FingerprintModel implements ProbabilityModel {

    public static final String NAME = "fingerprint";

    private final Map<Symbol, FingerprintTable> tables = new EnumMap<>(Symbol.class);

    @Override
    public String name() {
        return NAME;
    }

    /** Installs (or replaces) the table of {@code symbol}; readers see either the old or the new table. */
    public synchronized void install(Symbol symbol, FingerprintTable table) {
        tables.put(symbol, table);
    }

    private synchronized FingerprintTable table(Symbol symbol) {
        return tables.get(symbol);
    }

    @Override
    public boolean isReady(Symbol symbol) {
        FingerprintTable t = table(symbol);
        return t != null && t.complete();
    }

    @Override
    public SettlementDistribution settlement(ModelInputs inputs) {
        FingerprintTable table = table(inputs.symbol());
        if (table == null || !table.complete()) {
            throw new IllegalStateException("the fingerprint of " + inputs.symbol() + " is not built yet");
        }
        int bucket = FingerprintTable.bucket(inputs.momentumBp());
        return SettlementWindow.distribution(inputs, (move, horizon) -> table.above(bucket, move * 100, horizon));
    }
}
