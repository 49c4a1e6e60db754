package io.recio.pricing.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import java.time.Instant;
import java.util.SplittableRandom;
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

    @Test
    void ticksOfAKnownPerSecondSigmaReproduceIt() {
        double sigma = 8e-5;
        VolatilityModel model = new VolatilityModel(900, 0.25);
        feedRandomWalk(model, Symbol.BTC, sigma, 0, 4 * 3600, 7);
        assertThat(model.sigmaPerSecond(Symbol.BTC)).isCloseTo(sigma, within(sigma * 0.1));
    }

    @Test
    void aSeedArrivingAfterTheFirstTicksStillCarriesTheEstimate() {
        // At start-up the feed logs seconds before the history's fit is installed; those few seconds
        // must not replace the history (which left only the floor, a quarter of the seed, in use).
        double sigma = 1e-4;
        VolatilityModel model = new VolatilityModel(900, 0.25);
        feedRandomWalk(model, Symbol.BTC, sigma / 20, 0, 30, 11);
        model.seed(Symbol.BTC, new VolatilityFit(sigma, 6, 30_000));
        assertThat(model.sigmaPerSecond(Symbol.BTC)).isCloseTo(sigma, within(sigma * 0.02));
    }

    @Test
    void liveSecondsTakeOverFromTheSeedAtTheHalfLife() {
        VolatilityModel model = new VolatilityModel(900, 0.0);
        model.seed(Symbol.BTC, new VolatilityFit(2e-4, 6, 30_000));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        double r = 1e-4;
        for (int i = 0; i <= 900; i++) {
            model.observe(Symbol.BTC, t.plusSeconds(i), 100 * Math.exp(i % 2 == 0 ? 0 : r));
        }
        // Half the weight on the seed's variance (4e-8), half on the live one's (1e-8).
        assertThat(model.sigmaPerSecond(Symbol.BTC)).isCloseTo(Math.sqrt(2.5e-8), within(1e-9));
    }

    @Test
    void aModelSeededFromHistoryOfKnownVolatilityPricesAOneSigmaMoveRight() {
        // 21 days of one-minute closes with an hourly log-stdev of 0.6 % (BTC's calibration), fitted with
        // the default six-hour half-life, installed after the first live seconds as at start-up.
        double hourly = 0.006;
        SplittableRandom random = new SplittableRandom(3);
        MinuteSeries.Builder history = MinuteSeries.builder();
        Instant start = Instant.parse("2025-12-11T00:00:00Z");
        double log = Math.log(95_000);
        for (int m = 0; m < 21 * 24 * 60; m++) {
            double open = Math.exp(log);
            log += hourly / Math.sqrt(60) * random.nextGaussian();
            history.add(start.plusSeconds(60L * m), open, Math.exp(log));
        }
        VolatilityFit fit = VolatilityFit.fit(history.build(), 360);
        VolatilityModel model = new VolatilityModel(900, 0.25);
        feedRandomWalk(model, Symbol.BTC, hourly / 60, 0, 20, 5);
        model.seed(Symbol.BTC, fit);

        ModelInputs in = ModelInputs.unobserved(Symbol.BTC, 95_000, 3640, 0);
        double p = model.settlement(in).probabilityAbove(95_000 * Math.exp(hourly));
        // P(Z > 1) = 0.159 for a normal; the fitted ν and a six-hour EWMA's sampling error allow a band.
        assertThat(p).isBetween(0.12, 0.20);
    }

    /** A Gaussian random walk of {@code seconds} one-second steps of log-stdev {@code sigma}. */
    static void feedRandomWalk(VolatilityModel model, Symbol symbol, double sigma, long startSecond, int seconds,
                               long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(startSecond);
        double log = Math.log(95_000);
        for (int i = 0; i <= seconds; i++) {
            model.observe(symbol, t.plusSeconds(i), Math.exp(log));
            log += sigma * random.nextGaussian();
        }
    }
}
