package io.recio.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.market.Symbol;
import io.recio.pricing.SyntheticFeeds;
import io.recio.pricing.internal.model.FingerprintBuilder;
import io.recio.pricing.internal.model.FingerprintTable;
import io.recio.pricing.internal.model.HarVolatility;
import io.recio.pricing.internal.model.MinuteSeries;
import io.recio.pricing.internal.model.VolatilityFit;
import io.recio.testsupport.PostgresTestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The model tables survive a round trip through the real PostgreSQL, and a rebuild replaces them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "recio.services.autostart=false")
@ActiveProfiles("test")
class ModelStorePostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    ModelStore store;

    private static MinuteSeries history() {
        Instant end = Instant.parse("2026-01-10T00:00:00Z");
        MinuteSeries.Builder b = MinuteSeries.builder();
        SyntheticFeeds.history(end).forEachCandle(Symbol.ETH, Instant.EPOCH, end, b::add);
        return b.build();
    }

    @Test
    void aStoredFingerprintLoadsBackIdentical() {
        MinuteSeries series = history();
        FingerprintTable table = new FingerprintBuilder(0.5, 300).build(series, p -> { });
        VolatilityFit fit = VolatilityFit.fit(series, 360);
        HarVolatility har = HarVolatility.fit(series, series.size());
        store.save(new ModelStore.Build(Symbol.ETH, Instant.parse("2026-01-10T00:00:00Z"), series.start(),
                series.minute(series.size() - 1), series.present(), fit, null), table, 0.5, 300);
        store.save(new ModelStore.Build(Symbol.ETH, Instant.parse("2026-01-10T00:01:00Z"), series.start(),
                series.minute(series.size() - 1), series.present(), fit, har), table, 0.5, 300);

        FingerprintTable loaded = store.fingerprint(Symbol.ETH).orElseThrow();
        assertThat(loaded.cells()).isEqualTo(table.cells());
        ModelStore.Build build = store.build(Symbol.ETH).orElseThrow();
        assertThat(build.builtAt()).isEqualTo(Instant.parse("2026-01-10T00:01:00Z"));
        assertThat(build.volatility().sigmaPerSecond()).isEqualTo(fit.sigmaPerSecond());
        assertThat(build.volatility().nu()).isEqualTo(fit.nu());
        assertThat(build.har().weights()).containsExactly(har.weights());
    }
}
