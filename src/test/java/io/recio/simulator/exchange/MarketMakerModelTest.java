package io.recio.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.recio.simulator.exchange.internal.MarketMakerModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketMakerModelTest {

    @Test
    void atTheMoneyIsAboutEvenAndFarStrikesAreNearCertain() {
        assertThat(MarketMakerModel.probabilityAbove(90_000, 89_999.99, 0.5, 1800)).isCloseTo(0.5, offset(0.01));
        assertThat(MarketMakerModel.probabilityAbove(90_000, 88_499.99, 0.5, 1800)).isGreaterThan(0.99);
        assertThat(MarketMakerModel.probabilityAbove(90_000, 91_499.99, 0.5, 1800)).isLessThan(0.01);
    }

    @Test
    void lessTimeLeftMakesTheSameStrikeMoreCertain() {
        double early = MarketMakerModel.probabilityAbove(90_100, 89_999.99, 0.5, 3600);
        double late = MarketMakerModel.probabilityAbove(90_100, 89_999.99, 0.5, 120);
        assertThat(late).isGreaterThan(early);
        assertThat(MarketMakerModel.probabilityAbove(90_100, 89_999.99, 0.5, 0)).isEqualTo(1);
    }

    @Test
    void longshotsAreQuotedAboveTheirFairProbabilityAndFavouritesBelow() {
        // Becker: 5¢ contracts won 4.18 % of the time, 95¢ contracts 95.83 %
        assertThat(MarketMakerModel.quotedMid(0.0418)).isCloseTo(0.05, offset(1e-9));
        assertThat(MarketMakerModel.quotedMid(0.9583)).isCloseTo(0.95, offset(1e-9));
        assertThat(MarketMakerModel.quotedMid(0.5)).isCloseTo(0.5, offset(1e-9));
    }

    @Test
    void theLadderHasFiveOneCentLevelsASideHoldingTheObservedDepth() {
        List<MarketMakerModel.Quote> quotes = MarketMakerModel.ladder(0.503);
        assertThat(quotes).hasSize(10);
        assertThat(quotes.stream().filter(MarketMakerModel.Quote::bid).mapToInt(MarketMakerModel.Quote::priceCents).max())
                .hasValue(50);
        assertThat(quotes.stream().filter(q -> !q.bid()).mapToInt(MarketMakerModel.Quote::priceCents).min()).hasValue(51);
        assertThat(quotes.stream().filter(MarketMakerModel.Quote::bid).mapToLong(MarketMakerModel.Quote::contracts).sum())
                .isEqualTo(37_000);
    }

    @Test
    void nearCertainMarketsQuoteOnlyTheOneCentEdge() {
        assertThat(MarketMakerModel.ladder(0.001)).allMatch(q -> !q.bid()).first()
                .extracting(MarketMakerModel.Quote::priceCents).isEqualTo(1);
        assertThat(MarketMakerModel.ladder(0.999)).allMatch(MarketMakerModel.Quote::bid);
    }
}
