package io.recio.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recio.feeds.HistoryFile.Bar;
import io.recio.feeds.HistoryFile.Mode;
import io.recio.market.SpotPrice;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one history-file reader: every layout people download, the real files of shared/data, and its refusals. */
class HistoryFileTest {

    private static final Instant T0 = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2023-01-01T00:01:00Z");

    @TempDir
    Path dir;

    static Path shared(String relative) {
        Path path = Path.of(System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared"), "data").resolve(relative);
        assumeTrue(Files.exists(path), "shared data file " + path + " is absent (set RECIO_SHARED_DIR); skipped");
        return path;
    }

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static List<Instant> starts(Path file) throws IOException {
        return HistoryFile.readAll(file, Mode.STRICT, 60).stream().map(Bar::start).toList();
    }

    @Test
    void bitstampUnixSecondsWithLowerCaseHeader() throws IOException {
        Path f = file("a.csv", "timestamp,open,high,low,close,volume\n1672531200,100,110,90,105,1\n1672531260,105,106,104,104.5,2\n");
        List<Bar> bars = HistoryFile.readAll(f, Mode.STRICT, 60);
        assertThat(bars).extracting(Bar::start).containsExactly(T0, T1);
        assertThat(bars.get(1).close()).isEqualTo(SpotPrice.parse("104.5"));
        assertThat(bars.get(0).volume()).isEqualByComparingTo("1");
    }

    @Test
    void binanceOpenTimeInMillisecondsWithExtraColumns() throws IOException {
        Path f = file("b.csv", """
                open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore
                1672531200000,100,110,90,105,1,1672531259999,100,5,1,1,0
                1672531260000,105,106,104,104.5,2,1672531319999,100,5,1,1,0
                """);
        assertThat(starts(f)).containsExactly(T0, T1);
    }

    @Test
    void microsecondTimestampsAsBinanceWritesSince2025() throws IOException {
        Path f = file("us.csv", "open_time,open,high,low,close\n1672531200000000,1,1,1,1\n1672531260000000,1,1,1,1\n");
        assertThat(starts(f)).containsExactly(T0, T1);
    }

    @Test
    void capitalisedHeadersWithDateColumnAndIsoTimestampsWithT() throws IOException {
        Path f = file("c.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2023-01-01T00:00:00Z,1,2,1,2,2,0\n2023-01-01T00:01:00Z,2,2,1,1,1,0\n");
        assertThat(starts(f)).containsExactly(T0, T1);
    }

    @Test
    void isoTimestampsWithASpaceAndNoOffsetAreUtc() throws IOException {
        Path f = file("d.csv", "timestamp,open,high,low,close\n2023-01-01 00:00:00,1,1,1,1\n2023-01-01 00:01:00,1,1,1,1\n");
        assertThat(starts(f)).containsExactly(T0, T1);
    }

    @Test
    void isoTimestampsWithAnyOffsetAreConvertedToUtc() throws IOException {
        Path f = file("e.csv", "TIMESTAMP,OPEN,HIGH,LOW,CLOSE\n2022-12-31 19:00:00-05:00,1,1,1,1\n2023-01-01T01:01:00+0100,1,1,1,1\n");
        assertThat(starts(f)).containsExactly(T0, T1);
        assertThat(HistoryFile.timestamp("2023-01-01 05:30:00+05:30")).isEqualTo(T0);
        assertThat(HistoryFile.timestamp("2023-01-01 00:00:00 UTC")).isEqualTo(T0);
        assertThat(HistoryFile.timestamp("2023-01-01T00:00:00.000+00")).isEqualTo(T0);
    }

    @Test
    void krakenHeaderlessOhlcvtIsReadInItsColumnOrder() throws IOException {
        Path f = file("XBTUSD_1.csv", "1672531200,16528.7,16530.0,16520.1,16520.4,2.11146726,78\n1672531260,16520.4,16525.0,16519.0,16524.9,1.5,12\n");
        List<Bar> bars = HistoryFile.readAll(f, Mode.STRICT, 60);
        assertThat(bars).extracting(Bar::start).containsExactly(T0, T1);
        assertThat(bars.get(0).high()).isEqualTo(SpotPrice.parse("16530"));
        assertThat(bars.get(0).volume()).isEqualByComparingTo("2.11146726");
    }

    @Test
    void quotedFieldsAndSemicolonsAreRead() throws IOException {
        Path f = file("q.csv", "\"Time\";\"Open\";\"High\";\"Low\";\"Close\"\n\"1672531200\";\"1\";\"1\";\"1\";\"1\"\n\"1672531260\";\"1\";\"1\";\"1\";\"1\"\n");
        assertThat(starts(f)).containsExactly(T0, T1);
    }

    @Test
    void gzipFilesAreReadByTheirName() throws IOException {
        Path f = dir.resolve("g.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("timestamp,open,high,low,close\n1672531200,1,1,1,1\n1672531260,1,1,1,1\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(starts(f)).containsExactly(T0, T1);
    }

    @Test
    void anyBarLengthIsReadWhenNoneIsRequiredAndTheSummaryNamesIt() throws IOException {
        Path f = file("h.csv", "timestamp,open,high,low,close\n1672531200,1,1,1,1\n1672531500,1,1,1,1\n");
        HistoryFile.Summary summary = HistoryFile.read(f, Mode.STRICT, 0, bar -> { }, bytes -> { });
        assertThat(summary.barSeconds()).isEqualTo(300);
        assertThat(summary.rows()).isEqualTo(2);
    }

    @Test
    void strictModeRefusesTheFileAtItsFirstBadRowNamingTheLineAndWhatItExpected() throws IOException {
        Path f = file("s.csv", "timestamp,open,high,low,close\n1672531200,1,1,1,1\n1672531260,1,1,1,1\n1672531320,abc,1,1,1\n");
        assertThatThrownBy(() -> HistoryFile.readAll(f, Mode.STRICT, 60))
                .isInstanceOf(HistoryFile.UnreadableFileException.class)
                .hasMessage(f + " line 4: open 'abc' is not a decimal number; expected timestamp,open,high,low,close[,volume,...]");
    }

    @Test
    void strictModeRefusesRowsOutOfOrder() throws IOException {
        Path f = file("o.csv", "timestamp,open,high,low,close\n1672531260,1,1,1,1\n1672531200,1,1,1,1\n");
        assertThatThrownBy(() -> HistoryFile.readAll(f, Mode.STRICT, 0)).hasMessageContaining("line 3: timestamp")
                .hasMessageContaining("rows must be oldest first");
    }

    @Test
    void lenientModeSkipsBadRowsAndReportsThemWithTheirLineNumbers() throws IOException {
        Path f = file("bad-rows.csv", """
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
        List<Bar> bars = new ArrayList<>();
        HistoryFile.Summary summary = HistoryFile.read(f, Mode.LENIENT, 60, bars::add, bytes -> { });
        assertThat(bars).hasSize(3);
        assertThat(summary.badRows()).isEqualTo(5);
        assertThat(summary.badLines()).containsExactly(
                "line 4: low 110.00 is above high 90.00",
                "line 5: open 'abc' is not a decimal number",
                "line 6: timestamp 2023-01-01T00:03:10Z is not on a whole minute",
                "line 7: has 3 fields, expected at least 5",
                "line 9: open -3 is not positive");
    }

    @Test
    void aHeaderWithoutPriceColumnsIsRefusedNamingWhatIsMissing() throws IOException {
        Path f = file("wrong.csv", "when,price\n1,2\n");
        assertThatThrownBy(() -> HistoryFile.readAll(f, Mode.LENIENT, 60))
                .hasMessageContaining("line 1: header 'when,price' has no column [timestamp, open, high, low, close]");
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        assertThatThrownBy(() -> HistoryFile.readAll(dir.resolve("nope.csv"), Mode.STRICT, 60))
                .hasMessageContaining("nope.csv does not exist");
    }

    @Test
    void theBitstampMinuteFileIsReadWhole() throws IOException {
        List<Bar> bars = HistoryFile.readAll(shared("btc/bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz"), Mode.STRICT, 60);
        // The data README gives 38,942 rows from 2025-01-07 00:01 to 2025-02-03 01:02.
        assertThat(bars).hasSize(38_942);
        assertThat(bars.getFirst().start()).isEqualTo(Instant.ofEpochSecond(1_736_208_060L));
        assertThat(bars.getFirst().open()).isEqualTo(SpotPrice.parse("102228"));
        assertThat(bars.getLast().start()).isEqualTo(Instant.parse("2025-02-03T01:02:00Z"));
    }

    @Test
    void otherBarLengthsAreRefusedNamingTheBarSizeWhenMinutesAreRequired() {
        assertThatThrownBy(() -> HistoryFile.readAll(shared("btc/kraken_xbtusd_5min_2023-01-01_2023-03-31.csv.gz"), Mode.STRICT, 60))
                .hasMessageContaining("holds 5-minute bars; expected 1-minute bars");
        assertThatThrownBy(() -> HistoryFile.readAll(shared("eth/binance_ethusdt_2h.csv.gz"), Mode.STRICT, 60))
                .hasMessageContaining("2-hour bars");
        assertThatThrownBy(() -> HistoryFile.readAll(shared("btc/bitstamp_coinbase_btcusd_1d_2011-08-18_2025-09-24.csv"),
                Mode.LENIENT, 60)).hasMessageContaining("1-day bars");
    }

    @Test
    void everyRealFileOfSharedDataIsReadableWithItsOwnBarLength() throws IOException {
        assertThat(HistoryFile.read(shared("btc/kraken_xbtusd_60min_2023-01-01_2023-03-31.csv"), Mode.STRICT, 0,
                bar -> { }, bytes -> { }).barSeconds()).isEqualTo(3600);
        assertThat(HistoryFile.read(shared("btc/bitstamp_btcusd_2h_2011-08-18_2025-08-26.csv.gz"), Mode.STRICT, 0,
                bar -> { }, bytes -> { }).rows()).isEqualTo(61_465);
        assertThat(HistoryFile.read(shared("eth/binance_ethusdt_2h.csv.gz"), Mode.STRICT, 0,
                bar -> { }, bytes -> { }).rows()).isEqualTo(21_907);
    }
}
