package io.recio.simulator.prices.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.prices.MinuteCandle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceModelTest {

    private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    private static final SpotPrice BTC = SpotPrice.parse("95000");
    private static final SpotPrice ETH = SpotPrice.parse("3500");

    private static PriceModel model(long seed, Instant now) {
        return new PriceModel(Clock.fixed(now, ZoneOffset.UTC), seed, BTC, ETH, null, null);
    }

    @Test
    void modelledSymbolsStandAtTheirStartPricesAtTheStartSecond() {
        PriceModel m = model(7, START);
        assertThat(m.indexAt(Symbol.BTC, START)).isEqualTo(BTC);
        assertThat(m.indexAt(Symbol.ETH, START)).isEqualTo(ETH);
    }

    @Test
    void theSameSeedAndStartGiveTheSamePath() {
        PriceModel a = model(42, START);
        PriceModel b = model(42, START);
        for (long s = -7_200; s <= 7_200; s += 97) {
            Instant at = START.plusSeconds(s);
            assertThat(a.indexAt(Symbol.BTC, at)).isEqualTo(b.indexAt(Symbol.BTC, at));
            assertThat(a.indexAt(Symbol.ETH, at)).isEqualTo(b.indexAt(Symbol.ETH, at));
        }
    }

    @Test
    void differentSeedsGiveDifferentPaths() {
        Instant later = START.plus(Duration.ofHours(1));
        assertThat(model(1, START).indexAt(Symbol.BTC, later)).isNotEqualTo(model(2, START).indexAt(Symbol.BTC, later));
    }

    @Test
    void anySecondHasTheSameValueWhateverOrderTheSecondsAreAskedIn() {
        PriceModel sequential = model(5, START);
        PriceModel jumping = model(5, START);
        Instant farAhead = START.plus(Duration.ofDays(3)).plusSeconds(17);
        Instant farBack = START.minus(Duration.ofDays(2)).plusSeconds(5);
        SpotPrice aheadFirst = jumping.indexAt(Symbol.BTC, farAhead);
        SpotPrice backFirst = jumping.indexAt(Symbol.ETH, farBack);
        for (long s = 0; s <= Duration.ofDays(3).toSeconds(); s += 3_600) {
            sequential.indexAt(Symbol.BTC, START.plusSeconds(s));
        }
        assertThat(sequential.indexAt(Symbol.BTC, farAhead)).isEqualTo(aheadFirst);
        assertThat(sequential.indexAt(Symbol.ETH, farBack)).isEqualTo(backFirst);
        assertThat(jumping.indexAt(Symbol.BTC, START)).isEqualTo(BTC);
    }

    @Test
    void settlementAverageIsTheMeanOfTheSixtySecondsUpToTheCloseRoundedToCents() {
        Instant close = START.plus(Duration.ofMinutes(90));
        PriceModel m = model(11, close.plusSeconds(1));
        BigDecimal sum = BigDecimal.ZERO;
        for (int s = 0; s < 60; s++) { // (close - 60 s, close] = close - 59 s ... close
            sum = sum.add(m.indexAt(Symbol.BTC, close.minusSeconds(s)).units() == 0 ? BigDecimal.ZERO
                    : new BigDecimal(m.indexAt(Symbol.BTC, close.minusSeconds(s)).toDollars(4)));
        }
        BigDecimal expected = sum.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        assertThat(m.settlementAverage(Symbol.BTC, close)).contains(SpotPrice.parse(expected.toPlainString()));
    }

    @Test
    void settlementAverageIsEmptyBeforeTheClose() {
        Instant close = START.plus(Duration.ofMinutes(60));
        assertThat(model(3, close.minusMillis(1)).settlementAverage(Symbol.ETH, close)).isEmpty();
        assertThat(model(3, close).settlementAverage(Symbol.ETH, close)).isPresent();
    }

    @Test
    void trailingAverageIsTheMeanOfTheLastSixtySecondsToTheUnit() {
        PriceModel m = model(9, START);
        Instant at = START.plusSeconds(600).plusMillis(400);
        long sum = 0;
        for (int s = 0; s < 60; s++) {
            sum += m.indexAt(Symbol.ETH, at.minusSeconds(s)).units();
        }
        assertThat(m.trailingAverage(Symbol.ETH, at).units()).isEqualTo(Math.round(sum / 60.0));
    }

    @Test
    void minuteCandlesSummariseTheOneSecondValuesOfEachMinute() {
        PriceModel m = model(13, START);
        List<MinuteCandle> candles = m.minuteCandles(Symbol.BTC, START.minus(Duration.ofHours(2)), START);
        assertThat(candles).hasSize(120);
        MinuteCandle c = candles.get(37);
        assertThat(c.start()).isEqualTo(START.minus(Duration.ofHours(2)).plusSeconds(37 * 60));
        assertThat(c.open()).isEqualTo(m.indexAt(Symbol.BTC, c.start()));
        assertThat(c.close()).isEqualTo(m.indexAt(Symbol.BTC, c.start().plusSeconds(59)));
        for (int s = 0; s < 60; s++) {
            SpotPrice v = m.indexAt(Symbol.BTC, c.start().plusSeconds(s));
            assertThat(v).isBetween(c.low(), c.high());
        }
        assertThat(candles.getLast().start()).isEqualTo(START.minusSeconds(60));
    }

    @Test
    void aCandlePeriodEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> model(1, START).minuteCandles(Symbol.BTC, START, START.minusSeconds(3_600)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
    }

    @Test
    void annualisedVolatilityIsInTheRangeCryptoTradesAt() {
        PriceModel m = model(21, START);
        assertThat(m.annualisedVolatility(Symbol.BTC)).isBetween(0.1, 2.0);
        assertThat(m.annualisedVolatility(Symbol.ETH)).isGreaterThan(m.annualisedVolatility(Symbol.BTC));
    }
}
