package io.recio.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.market.Symbol;
import io.recio.pricing.internal.model.HarVolatility;
import io.recio.pricing.internal.model.VolatilityFit;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Which model the strike tables use: the default when ready, else the best evaluated one that is. */
class ModelsTest {

    private static final Instant T = Instant.parse("2026-05-01T00:00:00Z");

    private static Models models(Map<String, String> settings) {
        return new Models(new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("recio.pricing", PricingProperties.class));
    }

    /** Seeds the volatility model and gives the HAR model weights and a day of logged minutes. */
    private static void ready(Models m, Symbol symbol) {
        m.volatility().seed(symbol, new VolatilityFit(0.0001, 6, 1000));
        m.har().install(symbol, HarVolatility.of(new double[]{0.25, 0.25, 0.25, 0.25}), 6);
        for (int minute = 0; minute <= 1442; minute++) {
            m.har().observe(symbol, T.plusSeconds(60L * minute), 100 + minute % 2);
        }
    }

    @Test
    void harIsTheDefault() {
        Models m = models(Map.of());
        ready(m, Symbol.BTC);
        assertThat(m.defaultModel()).isEqualTo("har");
        assertThat(m.preferred(Symbol.BTC).name()).isEqualTo("har");
    }

    @Test
    void withoutHarWeightsTheVolatilityModelServesAndIsNamed() {
        Models m = models(Map.of());
        m.volatility().seed(Symbol.ETH, new VolatilityFit(0.0001, 6, 1000));
        assertThat(m.preferred(Symbol.ETH).name()).isEqualTo("volatility");
    }

    @Test
    void aConfiguredVolatilityDefaultIsUsedWhileHarIsReady() {
        Models m = models(Map.of("recio.pricing.default-model", "volatility"));
        ready(m, Symbol.BTC);
        assertThat(m.preferred(Symbol.BTC).name()).isEqualTo("volatility");
    }

    @Test
    void aFingerprintDefaultNotBuiltYetFallsBackToHarFirst() {
        Models m = models(Map.of("recio.pricing.default-model", "fingerprint"));
        ready(m, Symbol.BTC);
        assertThat(m.preferred(Symbol.BTC).name()).isEqualTo("har");
    }

    @Test
    void noReadyModelIsNone() {
        assertThat(models(Map.of()).preferred(Symbol.BTC)).isNull();
    }
}
