package io.recio.pricing.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementWindowTest {

    private final List<double[]> asked = new ArrayList<>();

    private final SettlementWindow.Tail recording = (move, horizon) -> {
        asked.add(new double[] {move, horizon});
        return 0.5;
    };

    @Test
    void beforeTheWindowTheAverageHasTheVarianceOfAMoveFortySecondsShorter() {
        SettlementWindow.distribution(ModelInputs.unobserved(Symbol.BTC, 100, 3600, 0), recording).probabilityAbove(101);
        assertThat(asked.get(0)[1]).isCloseTo(3560, within(1e-9));
        assertThat(asked.get(0)[0]).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void insideTheWindowTheObservedSecondsRaiseOrLowerTheBarForTheRest() {
        // 30 s observed averaging 100, 30 s left: settling above 101 needs the rest to average
        // (60·101 − 3000)/30 = 102, i.e. +0.990 % from a spot of 101, over an effective 10 s.
        SettlementWindow.distribution(new ModelInputs(Symbol.BTC, 101, 30, 0, 30, 3000), recording)
                .probabilityAbove(101);
        assertThat(asked.get(0)[0]).isCloseTo(102 / 101.0 - 1, within(1e-12));
        assertThat(asked.get(0)[1]).isCloseTo(10, within(1e-12));
    }

    @Test
    void whenTheObservedSecondsAloneClearTheStrikeYesIsCertain() {
        // 50 s averaging 130, 10 s left: even a price of 0 for the rest settles at 108.33 > 100.
        double p = SettlementWindow.distribution(new ModelInputs(Symbol.BTC, 120, 10, 0, 50, 6500), recording)
                .probabilityAbove(100);
        assertThat(p).isEqualTo(1.0);
        assertThat(asked).isEmpty();
    }

    @Test
    void afterTheCloseTheObservedAverageDecides() {
        var settled = SettlementWindow.distribution(new ModelInputs(Symbol.BTC, 99, 0, 0, 60, 6000), recording);
        assertThat(settled.probabilityAbove(99.99)).isEqualTo(1.0);
        assertThat(settled.probabilityAbove(100.01)).isEqualTo(0.0);
    }
}
