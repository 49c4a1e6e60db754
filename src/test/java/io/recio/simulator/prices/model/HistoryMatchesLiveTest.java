package io.recio.simulator.prices.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.prices.MinuteCandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The history a demo is seeded with ({@link PriceModel#minuteCandles} before the anchor) is as volatile as
 * the live path after it, and both match the calibration (hourly σ 0.6 % for BTC, ETH × 1.372): a model
 * fitted on the past must be right about the future.
 */
class HistoryMatchesLiveTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:42:00Z");
    private static final int DAYS = 45;
    private static PriceModel model;

    @BeforeAll
    static void build() {
        model = new PriceModel(Clock.fixed(NOW, ZoneOffset.UTC), 20261122L, SpotPrice.parse("95000"),
                SpotPrice.parse("3500"), null, null);
    }

    @Test
    void seededHistoryRunsAtTheCalibratedHourlySigma() {
        assertThat(pastHourlySigma(Symbol.BTC)).isBetween(0.0060 * 0.75, 0.0060 * 1.25);
        assertThat(pastHourlySigma(Symbol.ETH)).isBetween(0.0060 * 1.372 * 0.75, 0.0060 * 1.372 * 1.25);
    }

    @Test
    void livePathRunsAtTheCalibratedHourlySigma() {
        assertThat(futureHourlySigma(Symbol.BTC)).isBetween(0.0060 * 0.75, 0.0060 * 1.25);
    }

    @Test
    void historyAndLivePathAreEquallyVolatile() {
        assertThat(pastHourlySigma(Symbol.BTC) / futureHourlySigma(Symbol.BTC)).isBetween(0.75, 1.33);
    }

    /** √60 × the stdev of one-minute close-to-close log returns of the candles before the anchor. */
    private static double pastHourlySigma(Symbol symbol) {
        List<MinuteCandle> candles = model.minuteCandles(symbol, NOW.minus(Duration.ofDays(DAYS)), NOW);
        double sumSq = 0;
        for (int i = 1; i < candles.size(); i++) {
            double r = Math.log(candles.get(i).close().units() / (double) candles.get(i - 1).close().units());
            sumSq += r * r;
        }
        return Math.sqrt(sumSq / (candles.size() - 1) * 60);
    }

    /** The same from the live path's one-minute values after the anchor. */
    private static double futureHourlySigma(Symbol symbol) {
        double sumSq = 0;
        int minutes = DAYS * 24 * 60;
        for (int m = 0; m < minutes; m++) {
            double a = model.indexAt(symbol, NOW.plusSeconds(60L * m)).units();
            double b = model.indexAt(symbol, NOW.plusSeconds(60L * m + 60)).units();
            double r = Math.log(b / a);
            sumSq += r * r;
        }
        return Math.sqrt(sumSq / minutes * 60);
    }
}
