package io.recio.pricing.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recio.market.SpotPrice;
import io.recio.market.Strike;
import io.recio.market.StrikeType;
import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import org.junit.jupiter.api.Test;

/** The model end to end on a hand-made table (moves −2…+2 % weighted 1, 2, 3, 2, 2) at an effective hour. */
class FingerprintModelTest {

    private final FingerprintModel model = new FingerprintModel();

    FingerprintModelTest() {
        model.install(Symbol.BTC, Cells.uniform(new double[] {-2, -1, 0, 1, 2}, new double[] {1, 2, 3, 2, 2}));
    }

    private final ModelInputs anHourOut = ModelInputs.unobserved(Symbol.BTC, 100_000, 3640, 3);

    @Test
    void aStrikeOneAndAHalfPercentAboveSpotPaysOnlyOnTheBiggestUpMove() {
        assertThat(model.settlement(anHourOut).probabilityAbove(101_500)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void aStrikeOneAndAHalfPercentBelowSpotFailsOnlyOnTheBiggestDownMove() {
        assertThat(model.settlement(anHourOut).probabilityAbove(98_500)).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void aLessStrikeIsTheComplementAndABetweenStrikeTheDifference() {
        var d = model.settlement(anHourOut);
        Strike below = new Strike(StrikeType.LESS, null, SpotPrice.parse("98500"));
        Strike band = new Strike(StrikeType.BETWEEN, SpotPrice.parse("98500"), SpotPrice.parse("101500"));
        assertThat(d.probabilityYes(below)).isCloseTo(0.1, within(1e-12));
        assertThat(d.probabilityYes(band)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void isNotReadyForASymbolWithoutATable() {
        assertThat(model.isReady(Symbol.BTC)).isTrue();
        assertThat(model.isReady(Symbol.ETH)).isFalse();
    }
}
