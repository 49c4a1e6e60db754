package io.recio.simulator.prices.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.market.Symbol;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model reproduces the figures it was calibrated to (ModelParameters) over a long seeded run:
 * 90 days of seconds, both symbols.
 */
class CalibrationTest {

    private static final long START = Instant.parse("2026-01-05T00:00:00Z").getEpochSecond();
    private static final int DAYS = 90;
    private static double[] btcHourly;
    private static double[] ethHourly;
    private static double[] btcMinuteSqByUtcHour;

    @BeforeAll
    static void run() {
        PricePath path = new PricePath(20260105L, START, 95_000, 3_500, null, null);
        int hours = DAYS * 24;
        btcHourly = new double[hours];
        ethHourly = new double[hours];
        btcMinuteSqByUtcHour = new double[24];
        for (int h = 0; h < hours; h++) {
            long first = START + h * 3_600L;
            btcHourly[h] = Math.log(path.units(Symbol.BTC, first + 3_600) / (double) path.units(Symbol.BTC, first));
            ethHourly[h] = Math.log(path.units(Symbol.ETH, first + 3_600) / (double) path.units(Symbol.ETH, first));
            for (int m = 0; m < 60; m++) {
                long s = first + m * 60L;
                double r = Math.log(path.units(Symbol.BTC, s + 60) / (double) path.units(Symbol.BTC, s));
                btcMinuteSqByUtcHour[h % 24] += r * r;
            }
        }
    }

    @Test
    void hourlyReturnStdevIsNearTheBitstampFigure() {
        // Calibrated to 0.0060 (bitstamp 1-min Jan-Feb 2025); a 90-day sample of a fat-tailed process varies.
        assertThat(stdev(btcHourly)).isBetween(0.0060 * 0.75, 0.0060 * 1.25);
    }

    @Test
    void hourlyReturnsHaveFatTails() {
        assertThat(excessKurtosis(btcHourly)).isGreaterThan(1.0);
        assertThat(excessKurtosis(ethHourly)).isGreaterThan(1.0);
    }

    @Test
    void btcAndEthAreCorrelatedAsInTheTwoHourData() {
        assertThat(correlation(btcHourly, ethHourly)).isBetween(0.786 - 0.08, 0.786 + 0.08);
    }

    @Test
    void ethIsMoreVolatileThanBtcByTheCalibratedRatio() {
        assertThat(stdev(ethHourly) / stdev(btcHourly)).isBetween(1.372 - 0.15, 1.372 + 0.15);
    }

    @Test
    void usTradingHoursAreMoreVolatileThanTheAsianMorning() {
        double us = btcMinuteSqByUtcHour[14] + btcMinuteSqByUtcHour[15] + btcMinuteSqByUtcHour[17];
        double quiet = btcMinuteSqByUtcHour[5] + btcMinuteSqByUtcHour[9] + btcMinuteSqByUtcHour[10];
        assertThat(us / quiet).isGreaterThan(2.0);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double stdev(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / x.length);
    }

    private static double excessKurtosis(double[] x) {
        double m = mean(x);
        double s2 = 0;
        double s4 = 0;
        for (double v : x) {
            double d = (v - m) * (v - m);
            s2 += d;
            s4 += d * d;
        }
        s2 /= x.length;
        s4 /= x.length;
        return s4 / (s2 * s2) - 3;
    }

    private static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
