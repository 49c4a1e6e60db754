package io.recio.simulator.prices.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

    private static final Path SHARED = Path.of(System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared"));
    private static final Path BITSTAMP = SHARED.resolve("data/btc/bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz");
    private static final Instant NOW = Instant.parse("2026-03-02T14:00:00Z");

    @Test
    void replayHitsEveryMinutesOpenAndCloseAndStaysWithinItsHighAndLow() {
        CandleFile.Minutes file = CandleFile.read(BITSTAMP);
        ReplayTape tape = new ReplayTape(file, NOW.getEpochSecond() / 60, 3);
        for (int i = 0; i < 3_000; i++) {
            long start = NOW.getEpochSecond() + i * 60L;
            assertThat(tape.units(start)).isEqualTo(file.open()[i]);
            assertThat(tape.units(start + 59)).isEqualTo(file.close()[i]);
            for (int s = 0; s < 60; s++) {
                assertThat(tape.units(start + s)).isBetween(file.low()[i], file.high()[i]);
            }
        }
    }

    @Test
    void theFilesFirstMinuteMapsToNow() {
        PriceModel model = new PriceModel(Clock.fixed(NOW, ZoneOffset.UTC), 1, SpotPrice.parse("95000"),
                SpotPrice.parse("3500"), BITSTAMP, null);
        assertThat(model.indexAt(Symbol.BTC, NOW)).isEqualTo(SpotPrice.parse("102228")); // first row's open
        assertThat(model.replayed(Symbol.BTC)).isTrue();
        assertThat(model.indexAt(Symbol.ETH, NOW)).isEqualTo(SpotPrice.parse("3500"));
    }

    @Test
    void modelledEthStaysCorrelatedWithReplayedBtc() {
        PriceModel model = new PriceModel(Clock.fixed(NOW, ZoneOffset.UTC), 1, SpotPrice.parse("95000"),
                SpotPrice.parse("3500"), BITSTAMP, null);
        int n = 24 * 10;
        double[] b = new double[n];
        double[] e = new double[n];
        for (int h = 0; h < n; h++) {
            Instant from = NOW.plusSeconds(h * 3_600L);
            Instant to = from.plusSeconds(3_600);
            b[h] = Math.log(model.indexAt(Symbol.BTC, to).dollars() / model.indexAt(Symbol.BTC, from).dollars());
            e[h] = Math.log(model.indexAt(Symbol.ETH, to).dollars() / model.indexAt(Symbol.ETH, from).dollars());
        }
        assertThat(correlation(b, e)).isGreaterThan(0.6);
    }

    @Test
    void aFileThatIsNotOneMinuteCandlesIsRefusedNamingTheProblem() {
        Path twoHour = SHARED.resolve("data/btc/bitstamp_btcusd_2h_2011-08-18_2025-08-26.csv.gz");
        assertThatThrownBy(() -> CandleFile.read(twoHour)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not one minute apart");
    }

    @Test
    void aRowWhoseHighDoesNotEncloseItsCloseIsRefusedWithItsLineNumber(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "timestamp,open,high,low,close\n1736208060,100,101,99,100\n1736208120,100,101,99,102\n");
        assertThatThrownBy(() -> CandleFile.read(file)).hasMessageContaining("line 3").hasMessageContaining("enclose");
    }

    @Test
    void aMissingFileIsRefusedNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> CandleFile.read(dir.resolve("nope.csv"))).hasMessageContaining("nope.csv")
                .hasMessageContaining("does not exist");
    }

    @Test
    void missingMinutesAreFilledFlatAtThePreviousClose(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gap.csv");
        Files.writeString(file, "timestamp,open,high,low,close,volume\n"
                + "2025-01-07 00:01:00,100,101,99,100.5,1\n2025-01-07 00:03:00,100,101,99,100,1\n");
        CandleFile.Minutes m = CandleFile.read(file);
        assertThat(m.size()).isEqualTo(3);
        assertThat(m.open()[1]).isEqualTo(SpotPrice.parse("100.5").units());
        assertThat(m.high()[1]).isEqualTo(SpotPrice.parse("100.5").units());
    }

    private static double correlation(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
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
