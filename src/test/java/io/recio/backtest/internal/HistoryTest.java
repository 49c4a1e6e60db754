package io.recio.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.feeds.Candle;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history of a backtest's period: runs of consecutive minutes, gaps reported and counted, bad periods refused. */
class HistoryTest {

    static final Instant FROM = Instant.parse("2025-01-08T00:00:00Z");
    static final Instant TO = Instant.parse("2025-01-08T03:00:00Z");

    @Test
    void aGapSplitsTheRunsAndIsCountedInMinutes() {
        List<Candle> candles = minutes(FROM, 0, 90);
        candles.addAll(minutes(FROM, 100, 181));

        History h = History.of(Symbol.BTC, FROM, TO, candles);

        assertThat(h.runs()).hasSize(2);
        assertThat(h.gaps()).containsExactly(new History.Gap(FROM.plusSeconds(90 * 60), FROM.plusSeconds(100 * 60)));
        assertThat(h.missingMinutes()).isEqualTo(10);
    }

    @Test
    void minutesBeforeThePeriodWarmTheModelUp() {
        List<Candle> candles = minutes(FROM, -30, 181);

        History h = History.of(Symbol.BTC, FROM, TO, candles);

        assertThat(h.warmUp()).hasSize(30);
        assertThat(h.runs()).singleElement().satisfies(r -> assertThat(r).hasSize(181));
        assertThat(h.gaps()).isEmpty();
    }

    @Test
    void aHistoryEndingEarlyReportsTheMissingEnd() {
        History h = History.of(Symbol.BTC, FROM, TO, minutes(FROM, 0, 60));

        assertThat(h.gaps()).containsExactly(new History.Gap(FROM.plusSeconds(3600), TO));
    }

    @Test
    void anEmptyPeriodIsRefused() {
        assertThatThrownBy(() -> History.of(Symbol.BTC, TO, FROM, minutes(FROM, 0, 10)))
                .hasMessageContaining("the period is empty");
    }

    @Test
    void aPeriodTheHistoryDoesNotReachIsRefusedWithWhatItCovers() {
        assertThatThrownBy(() -> History.of(Symbol.BTC, FROM, TO, minutes(FROM, -100, -10)))
                .hasMessageContaining("no BTC one-minute candles between 2025-01-08T00:00:00Z and 2025-01-08T03:00:00Z")
                .hasMessageContaining("the history covers 2025-01-07T22:20:00Z to 2025-01-07T23:49:00Z");
    }

    /** Candles for minutes [from, to) relative to {@code base}, prices rising by a dollar a minute. */
    static List<Candle> minutes(Instant base, int from, int to) {
        List<Candle> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            SpotPrice p = SpotPrice.ofDollars(95_000 + i);
            out.add(new Candle(Symbol.BTC, base.plusSeconds(i * 60L), p, SpotPrice.ofDollars(95_000.5 + i),
                    SpotPrice.ofDollars(94_999.5 + i), p, "test"));
        }
        return out;
    }
}
