package io.recio.pricing.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked: σ·√h = 1 % over the effective hour (T = 3640 s → h = 3600 s), ν = 4 so the unit-variance
 * t has scale √(2/4); a strike e^{±√2 %} away is t = ±2, where P(T₄ &gt; 2) = 0.058058.
 */
class VolatilityModelTest {

    private static final double SIGMA = 0.01 / 60;

    @Test
    void aStrikeAboveSpotNeedsTheUpTail() {
        ModelInputs in = ModelInputs.unobserved(Symbol.BTC, 100, 3640, 0);
        double strike = 100 * Math.exp(0.01 * Math.sqrt(2));
        assertThat(VolatilityModel.settlement(in, SIGMA, 4).probabilityAbove(strike)).isCloseTo(0.058058, within(1e-6));
    }

    @Test
    void aStrikeBelowSpotIsOneMinusTheDownTail() {
        ModelInputs in = ModelInputs.unobserved(Symbol.BTC, 100, 3640, 0);
        double strike = 100 * Math.exp(-0.01 * Math.sqrt(2));
        assertThat(VolatilityModel.settlement(in, SIGMA, 4).probabilityAbove(strike)).isCloseTo(0.941942, within(1e-6));
    }

    @Test
    void theEwmaOfSteadyOneSecondMovesIsThatMove() {
        VolatilityModel model = new VolatilityModel(900, 0.25);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        double r = 0.0001;
        for (int i = 0; i <= 200; i++) {
            model.observe(Symbol.ETH, t.plusSeconds(i), 100 * Math.exp(i % 2 == 0 ? 0 : r));
        }
        assertThat(model.isReady(Symbol.ETH)).isTrue();
        assertThat(model.sigmaPerSecond(Symbol.ETH)).isCloseTo(r, within(1e-9));
    }

    @Test
    void aGapInTheFeedIsNotAReturn() {
        VolatilityModel model = new VolatilityModel(900, 0.25);
        model.seed(Symbol.BTC, new VolatilityFit(0.0001, 6, 1000));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        model.observe(Symbol.BTC, t, 100);
        model.observe(Symbol.BTC, t.plusSeconds(60), 150);
        assertThat(model.sigmaPerSecond(Symbol.BTC)).isCloseTo(0.0001, within(1e-12));
    }

    @Test
    void aQuietFeedCannotPushVolatilityBelowTheFloorOfTheSeed() {
        VolatilityModel model = new VolatilityModel(10, 0.25);
        model.seed(Symbol.BTC, new VolatilityFit(0.0004, 6, 1000));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 600; i++) {
            model.observe(Symbol.BTC, t.plusSeconds(i), 100);
        }
        assertThat(model.sigmaPerSecond(Symbol.BTC)).isCloseTo(0.0001, within(1e-12));
    }

    @Test
    void withoutASeedOrEnoughTicksTheModelIsNotReady() {
        assertThat(new VolatilityModel(900, 0.25).isReady(Symbol.BTC)).isFalse();
    }
}
