package io.recio.pricing.internal;

import io.recio.market.Symbol;
import io.recio.pricing.ProbabilityModel;
import io.recio.pricing.ProbabilityModels;
import io.recio.pricing.internal.model.FingerprintModel;
import io.recio.pricing.internal.model.VolatilityModel;
import java.util.List;
import org.springframework.stereotype.Component;

/** The two models as beans; the default is configured, the other serves while it is not ready. */
@Component
public class Models implements ProbabilityModels {

    private final FingerprintModel fingerprint = new FingerprintModel();
    private final VolatilityModel volatility;
    private final String defaultModel;

    Models(PricingProperties properties) {
        PricingProperties.Volatility v = properties.volatility();
        this.volatility = new VolatilityModel(v.halfLife().toMillis() / 1000.0, v.floorFraction());
        this.defaultModel = properties.defaultModel();
    }

    public FingerprintModel fingerprint() {
        return fingerprint;
    }

    public VolatilityModel volatility() {
        return volatility;
    }

    public String defaultModel() {
        return defaultModel;
    }

    @Override
    public List<ProbabilityModel> all() {
        return List.of(fingerprint, volatility);
    }

    @Override
    public ProbabilityModel preferred(Symbol symbol) {
        ProbabilityModel first = defaultModel.equals(FingerprintModel.NAME) ? fingerprint : volatility;
        ProbabilityModel second = first == fingerprint ? volatility : fingerprint;
        if (first.isReady(symbol)) {
            return first;
        }
        return second.isReady(symbol) ? second : null;
    }
}
