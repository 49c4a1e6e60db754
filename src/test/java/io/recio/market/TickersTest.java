package io.recio.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TickersTest {

    @Test
    void eventTickerNamesTheNewYorkHourOfTheCloseInSummerTime() {
        EventTicker event = EventTicker.parse("KXBTCD-26SEP2516");
        assertThat(event.close()).isEqualTo(Instant.parse("2026-09-25T20:00:00Z"));
        assertThat(event.symbol()).isEqualTo(Symbol.BTC);
        assertThat(event.toString()).isEqualTo("KXBTCD-26SEP2516");
    }

    @Test
    void eventTickerNamesTheNewYorkHourOfTheCloseInWinterTime() {
        assertThat(EventTicker.parse("KXBTCD-26JAN0517").close()).isEqualTo(Instant.parse("2026-01-05T22:00:00Z"));
        assertThat(EventTicker.aboveBelow(Symbol.ETH, Instant.parse("2026-09-02T04:00:00Z")).toString())
                .isEqualTo("KXETHD-26SEP0200");
    }

    @Test
    void eventOpensOneHourBeforeItsCloseAndTheNextClosesAnHourLater() {
        EventTicker event = EventTicker.parse("KXETHD-26SEP2516");
        assertThat(event.open()).isEqualTo(Instant.parse("2026-09-25T19:00:00Z"));
        assertThat(event.next().toString()).isEqualTo("KXETHD-26SEP2517");
    }

    @Test
    void theCurrentEventClosesAtTheNextTopOfTheHour() {
        assertThat(EventTicker.nextClose(Instant.parse("2026-09-25T19:59:59Z")))
                .isEqualTo(Instant.parse("2026-09-25T20:00:00Z"));
        assertThat(EventTicker.nextClose(Instant.parse("2026-09-25T20:00:00Z")))
                .isEqualTo(Instant.parse("2026-09-25T20:00:00Z"));
    }

    @Test
    void malformedEventTickersAreRejectedWithTheirText() {
        assertThatThrownBy(() -> EventTicker.parse("KXBTCD-26XYZ2516")).hasMessageContaining("KXBTCD-26XYZ2516");
        assertThatThrownBy(() -> EventTicker.parse("KXBTCD")).hasMessageContaining("SERIES-YYMONDDHH");
    }

    @Test
    void marketTickerSplitsEventAndStrike() {
        MarketTicker market = MarketTicker.parse("KXBTCD-26SEP2516-T92799.99");
        assertThat(market.event()).isEqualTo(EventTicker.parse("KXBTCD-26SEP2516"));
        assertThat(market.tokenValue()).isEqualTo(SpotPrice.parse("92799.99"));
        assertThat(MarketTicker.threshold(market.event(), SpotPrice.parse("92799.99"))).isEqualTo(market);
        assertThat(MarketTicker.threshold(market.event(), SpotPrice.parse("74200")).toString())
                .isEqualTo("KXBTCD-26SEP2516-T74200");
    }

    @Test
    void greaterStrikePaysYesOnlyStrictlyAboveTheFloor() {
        Strike strike = Strike.above(SpotPrice.parse("92799.99"));
        assertThat(strike.paysYes(SpotPrice.parse("92800.00"))).isTrue();
        assertThat(strike.paysYes(SpotPrice.parse("92799.99"))).isFalse();
    }

    @Test
    void betweenStrikeIncludesBothBounds() {
        Strike bucket = new Strike(StrikeType.BETWEEN, SpotPrice.parse("92700"), SpotPrice.parse("92799.99"));
        assertThat(bucket.paysYes(SpotPrice.parse("92700"))).isTrue();
        assertThat(bucket.paysYes(SpotPrice.parse("92799.99"))).isTrue();
        assertThat(bucket.paysYes(SpotPrice.parse("92800"))).isFalse();
    }

    @Test
    void symbolsAreFoundByAnyOfTheirVenueNames() {
        assertThat(Symbol.parse("eth")).isEqualTo(Symbol.ETH);
        assertThat(Symbol.parse("BTC-USD")).isEqualTo(Symbol.BTC);
        assertThat(Symbol.parse("KXETHD")).isEqualTo(Symbol.ETH);
        assertThatThrownBy(() -> Symbol.parse("DOGE")).hasMessageContaining("unknown symbol 'DOGE'");
    }
}
