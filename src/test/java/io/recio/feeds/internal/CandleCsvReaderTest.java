package io.recio.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.feeds.Candle;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading candle files: the real files of {@code shared/data} and the faults a file can have. */
class CandleCsvReaderTest {

    static Path shared(String relative) {
        return Path.of(System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared"), "data").resolve(relative);
    }

    @TempDir
    Path dir;

    private static List<CandleRow> read(Path file, CandleCsvReader.Result[] result) throws IOException {
        List<CandleRow> rows = new ArrayList<>();
        result[0] = CandleCsvReader.read(file, Symbol.BTC, file.getFileName().toString(), rows::add, bytes -> { });
        return rows;
    }

    @Test
    void theBitstampMinuteFileIsReadWhole() throws IOException {
        CandleCsvReader.Result[] result = new CandleCsvReader.Result[1];
        List<CandleRow> rows = read(shared("btc/bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz"), result);
        // The data README gives 38,942 rows from 2025-01-07 00:01 to 2025-02-03 01:02.
        assertThat(result[0].rows() + result[0].badRows()).isEqualTo(38_942);
        assertThat(result[0].badRows()).isZero();
        Candle first = rows.getFirst().candle();
        assertThat(first.start()).isEqualTo(Instant.ofEpochSecond(1_736_208_060L));
        assertThat(first.open()).isEqualTo(SpotPrice.parse("102228"));
        assertThat(rows.get(1).candle().close()).isEqualTo(SpotPrice.parse("102215"));
        assertThat(rows.getLast().candle().start()).isEqualTo(Instant.parse("2025-02-03T01:02:00Z"));
    }

    @Test
    void kraken5MinuteBarsAreRefusedNamingTheBarSize() {
        assertThatThrownBy(() -> read(shared("btc/kraken_xbtusd_5min_2023-01-01_2023-03-31.csv.gz"),
                new CandleCsvReader.Result[1]))
                .isInstanceOf(CandleCsvReader.UnusableFileException.class)
                .hasMessageContaining("5-minute bars").hasMessageContaining("only one-minute candles");
    }

    @Test
    void isoTimestamped2HourFilesAreRefusedNamingTheBarSize() {
        assertThatThrownBy(() -> read(shared("btc/bitstamp_btcusd_2h_2011-08-18_2025-08-26.csv.gz"),
                new CandleCsvReader.Result[1])).hasMessageContaining("2-hour bars");
        assertThatThrownBy(() -> read(shared("eth/binance_ethusdt_2h.csv.gz"), new CandleCsvReader.Result[1]))
                .hasMessageContaining("2-hour bars");
    }

    @Test
    void theDailyFileWithItsOwnColumnOrderIsRefusedAsDailyBars() {
        assertThatThrownBy(() -> read(shared("btc/bitstamp_coinbase_btcusd_1d_2011-08-18_2025-09-24.csv"),
                new CandleCsvReader.Result[1])).hasMessageContaining("1-day bars");
    }

    @Test
    void krakenColumnsWithTradeCountAndIsoTimestampsAreRead() throws IOException {
        Path file = dir.resolve("kraken-1m.csv");
        Files.writeString(file, """
                timestamp,open,high,low,close,volume,trade_count
                2023-01-01 00:00:00,16528.7,16530.0,16520.1,16520.4,2.11146726,78
                2023-01-01 00:01:00,16520.4,16525.0,16519.0,16524.9,1.5,12
                """);
        CandleCsvReader.Result[] result = new CandleCsvReader.Result[1];
        List<CandleRow> rows = read(file, result);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).candle().start()).isEqualTo(Instant.parse("2023-01-01T00:01:00Z"));
        assertThat(rows.get(0).volume()).isEqualByComparingTo("2.11146726");
    }

    @Test
    void aFileWithoutHeaderIsReadInBitstampOrder() throws IOException {
        Path file = dir.resolve("no-header.csv");
        Files.writeString(file, "1672531200,100,110,90,105,1\n1672531260,105,106,104,104.5,2\n");
        assertThat(read(file, new CandleCsvReader.Result[1])).hasSize(2);
    }

    @Test
    void badRowsAreSkippedAndReportedWithTheirLineNumbers() throws IOException {
        Path file = dir.resolve("bad-rows.csv");
        Files.writeString(file, """
                timestamp,open,high,low,close,volume
                1672531200,100,110,90,105,1
                1672531260,100,110,90,105,1
                1672531320,100,90,110,100,1
                1672531380,abc,110,90,105,1
                1672531390,100,110,90,105,1
                1672531440,100,110
                1672531500,100,110,90,105,1
                1672531560,-3,110,90,105,1
                """);
        CandleCsvReader.Result[] result = new CandleCsvReader.Result[1];
        List<CandleRow> rows = read(file, result);
        assertThat(rows).hasSize(3);
        assertThat(result[0].badRows()).isEqualTo(5);
        assertThat(result[0].badLines()).containsExactly(
                "line 4: low 110.00 is above high 90.00",
                "line 5: open 'abc' is not a decimal number",
                "line 6: timestamp 2023-01-01T00:03:10Z is not on a whole minute",
                "line 7: has 3 fields, expected at least 6",
                "line 9: open -3 is not positive");
    }

    @Test
    void aHeaderWithoutPriceColumnsIsRefused() throws IOException {
        Path file = dir.resolve("wrong.csv");
        Files.writeString(file, "when,price\n1,2\n");
        assertThatThrownBy(() -> read(file, new CandleCsvReader.Result[1]))
                .hasMessageContaining("has no column [timestamp, open, high, low, close]");
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        assertThatThrownBy(() -> read(dir.resolve("nope.csv"), new CandleCsvReader.Result[1]))
                .hasMessageContaining("nope.csv does not exist");
    }
}
