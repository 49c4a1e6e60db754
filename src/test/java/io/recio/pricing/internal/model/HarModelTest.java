package io.recio.pricing.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked: a day of one-minute log returns of ±r (r = 0.1 %), the newest 15 of them ±2r. The trailing mean
 * squares are RV₁₅ = 4r², RV₆₀ = (15·4 + 45)/60 r² = 1.75r², RV₃₆₀ = (60 + 345)/360 r² = 1.125r² and
 * RV₁₄₄₀ = (60 + 1425)/1440 r² = 1.03125r²; weights 0.1/0.2/0.3/0.4 give σ² = (0.4 + 0.35 + 0.3375 + 0.4125) r² =
 * 1.5r² = 1.5·10⁻⁶ per minute, 2.5·10⁻⁸ per second. With T = 4040 s to the close the settlement window's effective
 * horizon is 4000 s, so σ√h = 1 %, and with ν = 4 a strike e^{±√2 %} from spot is t = ±2: P(T₄ &gt; 2) = 0.058058.
 */
class HarModelTest {

    private static final double R = 0.001;
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final HarVolatility WEIGHTS = HarVolatility.of(new double[]{0.1, 0.2, 0.3, 0.4});

    /** Logs one price per minute: 1441 completed minutes (1440 returns), then one second of the current minute. */
    private static HarModel fed(int completedMinutes) {
        HarModel model = new HarModel();
        model.install(Symbol.BTC, WEIGHTS, 4);
        double log = Math.log(100);
        int first = HarModel.COMPLETED_MINUTES - completedMinutes;
        for (int m = 0; m < HarModel.COMPLETED_MINUTES; m++) {
            if (m > 0) {
                double size = m > HarModel.COMPLETED_MINUTES - 1 - 15 ? 2 * R : R;
                log += (m % 2 == 0 ? size : -size);
            }
            if (m >= first) {
                model.observe(Symbol.BTC, START.plusSeconds(60L * m + 30), Math.exp(log));
            }
        }
        model.observe(Symbol.BTC, START.plusSeconds(60L * HarModel.COMPLETED_MINUTES), 100);
        return model;
    }

    @Test
    void theForecastIsTheWeightedSumOfTheTrailingMeanSquares() {
        assertThat(fed(HarModel.COMPLETED_MINUTES).variancePerMinute(Symbol.BTC)).isCloseTo(1.5e-6, within(1e-15));
    }

    @Test
    void aStrikeAboveSpotIsTheStudentTUpTailOfTheForecast() {
        HarModel model = fed(HarModel.COMPLETED_MINUTES);
        ModelInputs in = ModelInputs.unobserved(Symbol.BTC, 100, 4040, 0);
        double strike = 100 * Math.exp(0.01 * Math.sqrt(2));
        assertThat(model.settlement(in).probabilityAbove(strike)).isCloseTo(0.058058, within(1e-6));
    }

    @Test
    void aStrikeBelowSpotIsOneMinusTheDownTail() {
        HarModel model = fed(HarModel.COMPLETED_MINUTES);
        ModelInputs in = ModelInputs.unobserved(Symbol.BTC, 100, 4040, 0);
        double strike = 100 * Math.exp(-0.01 * Math.sqrt(2));
        assertThat(model.settlement(in).probabilityAbove(strike)).isCloseTo(0.941942, within(1e-6));
    }

    @Test
    void withoutFittedWeightsItIsNotReady() {
        HarModel model = new HarModel();
        model.observe(Symbol.ETH, START, 3000);
        model.observe(Symbol.ETH, START.plusSeconds(60), 3001);
        assertThat(model.isReady(Symbol.ETH)).isFalse();
    }

    @Test
    void itWaitsForHalfOfTheLongestWindow() {
        assertThat(fed(719).isReady(Symbol.BTC)).isFalse();
        assertThat(fed(721).isReady(Symbol.BTC)).isTrue();
    }

    @Test
    void theLoggedPriceOfAMinuteWinsOverTheHistorysCandle() {
        HarModel model = new HarModel();
        model.install(Symbol.BTC, HarVolatility.of(new double[]{1, 0, 0, 0}), 6);
        MinuteSeries.Builder history = MinuteSeries.builder();
        for (int m = 0; m < 30; m++) {
            model.observe(Symbol.BTC, START.plusSeconds(60L * m), 100 * Math.exp(m % 2 == 0 ? 0 : R));
            history.add(START.plusSeconds(60L * m), 50, 50);
        }
        model.seed(Symbol.BTC, history.build());
        assertThat(model.variancePerMinute(Symbol.BTC)).isCloseTo(R * R, within(1e-15));
    }
}
