package io.recio.pricing.internal;

import io.recio.market.Symbol;
import io.recio.pricing.ProbabilityModel;
import io.recio.pricing.ProbabilityModels;
import io.recio.pricing.internal.model.FingerprintModel;
import io.recio.pricing.internal.model.HarModel;
import io.recio.pricing.internal.model.VolatilityModel;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The three models as beans; the default is configured, and while it is not ready the first ready one in the
 * order of the evaluation's scores (har, volatility, fingerprint) serves.
 */
@Component
public class Models implements ProbabilityModels {

    private final FingerprintModel fingerprint = new FingerprintModel();
    private final VolatilityModel volatility;
    private final HarModel har = new HarModel();
    private final String defaultModel;
    /** The default first, then the others from the best evaluated to the worst. */
    private final List<ProbabilityModel> fallbackOrder;

    Models(PricingProperties properties) {
        PricingProperties.Volatility v = properties.volatility();
        this.volatility = new VolatilityModel(v.halfLife().toMillis() / 1000.0, v.floorFraction());
        this.defaultModel = properties.defaultModel();
        List<ProbabilityModel> byScore = List.of(har, volatility, fingerprint);
        ProbabilityModel first = byScore.stream().filter(m -> m.name().equals(defaultModel)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown default model " + defaultModel));
        this.fallbackOrder = Stream.concat(Stream.of(first), byScore.stream().filter(m -> m != first)).toList();
    }

    public FingerprintModel fingerprint() {
        return fingerprint;
    }

    public VolatilityModel volatility() {
        return volatility;
    }

    public HarModel har() {
        return har;
    }

    public String defaultModel() {
        return defaultModel;
    }

    @Override
    public List<ProbabilityModel> all() {
        return List.of(fingerprint, volatility, har);
    }

    @Override
    public ProbabilityModel preferred(Symbol symbol) {
        for (ProbabilityModel m : fallbackOrder) {
            if (m.isReady(symbol)) {
                return m;
            }
        }
        return null;
    }
}
