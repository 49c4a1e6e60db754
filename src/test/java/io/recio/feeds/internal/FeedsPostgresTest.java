package io.recio.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recio.feeds.Candle;
import io.recio.feeds.PriceTick;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.testsupport.PostgresTestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The price log and the candle history on the real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "recio.services.autostart=false")
@ActiveProfiles("test")
class FeedsPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    SourceBoard board;

    @Autowired
    PriceLog priceLog;

    @Autowired
    PriceTickRows rows;

    @Autowired
    CandleStore candles;

    @Autowired
    HistoryImport history;

    @Autowired
    JdbcClient jdbc;

    @Test
    void batchedPriceLogRowsLandWithTheirDerivedValues() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        for (int i = 0; i < 120; i++) {
            Instant at = start.plusSeconds(i);
            board.coinbasePrice(Symbol.BTC, new SpotPrice((100_000L + i) * SpotPrice.ONE_DOLLAR), at);
            board.coinbasePrice(Symbol.ETH, new SpotPrice((3_000L + i) * SpotPrice.ONE_DOLLAR), at);
            priceLog.tick(at);
        }
        assertThat(priceLog.pendingRows()).isEqualTo(240);
        priceLog.flush();
        assertThat(priceLog.pendingRows()).isZero();

        Map<String, Object> last = jdbc.sql("SELECT * FROM live_data.price_tick WHERE symbol = 'BTC' AND at_second = ?")
                .param(Timestamp.from(start.plusSeconds(119))).query().singleRow();
        assertThat(last.get("price")).isEqualTo((100_119L) * SpotPrice.ONE_DOLLAR);
        assertThat((Double) last.get("delta_1m")).isCloseTo(60 * 100.0 / 100_059, within(1e-12));
        // 119 s of history: the 2-minute horizon (t = −1 s) is not reached, so momentum is the 1-minute delta alone.
        assertThat(last.get("delta_2m")).isNull();
        assertThat((Double) last.get("momentum")).isCloseTo(60 * 100.0 / 100_059, within(1e-12));
        assertThat(last.get("avg_60s")).isEqualTo(Math.round((100_060 + 100_119) / 2.0 * SpotPrice.ONE_DOLLAR));
        assertThat(last.get("source")).isEqualTo("coinbase");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM live_data.price_tick WHERE at_second >= ? AND at_second < ?")
                .params(Timestamp.from(start), Timestamp.from(start.plusSeconds(120))).query(Long.class).single())
                .isEqualTo(240);
    }

    @Autowired
    PriceTickRetention retention;

    @Test
    void secondsOlderThanTheRetentionAreRolledUpIntoMinuteCandlesThenDeleted() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant minute = now.minus(Duration.ofDays(31));
        PriceTick open = tick(minute.plusSeconds(1), "3000");
        PriceTick high = tick(minute.plusSeconds(20), "3010");
        PriceTick low = tick(minute.plusSeconds(40), "2990");
        PriceTick close = tick(minute.plusSeconds(59), "3005");
        PriceTick recent = tick(now.minus(Duration.ofDays(29)), "3000");
        rows.insert(java.util.stream.Stream.of(open, high, low, close, recent)
                .map(t -> new PriceTickRows.LoggedSecond(t, 1)).toList());

        assertThat(retention.apply(now)).as("the 30-day window of the price log").isGreaterThanOrEqualTo(4);

        List<Instant> left = new ArrayList<>();
        rows.forEach(Symbol.ETH, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(20)), p -> left.add(p.at()));
        assertThat(left).containsExactly(recent.at());
        List<Candle> rolledUp = new ArrayList<>();
        candles.forEachCandle(Symbol.ETH, minute, minute.plusSeconds(60), rolledUp::add);
        assertThat(rolledUp).singleElement().satisfies(c -> {
            assertThat(c.open()).isEqualTo(SpotPrice.parse("3000"));
            assertThat(c.high()).isEqualTo(SpotPrice.parse("3010"));
            assertThat(c.low()).isEqualTo(SpotPrice.parse("2990"));
            assertThat(c.close()).isEqualTo(SpotPrice.parse("3005"));
            assertThat(c.source()).isEqualTo(PriceLogMinutes.SOURCE);
        });
    }

    private static PriceTick tick(Instant at, String price) {
        return new PriceTick(Symbol.ETH, at, SpotPrice.parse(price), Map.of(), Double.NaN, SpotPrice.parse(price),
                "coinbase", Duration.ZERO);
    }

    @Test
    void theBitstampMinuteFileImportsOnceAndReimportsNothing() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared"), "data", "btc", "bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz");
        long before = candles.count(Symbol.BTC);
        HistoryImport.Report first = history.importFile(file, Symbol.BTC, io.recio.feeds.HistoryFile.Mode.LENIENT, Progress.NONE);
        assertThat(first.rows()).isEqualTo(38_942);
        assertThat(first.inserted()).isEqualTo(38_942);
        HistoryImport.Report again = history.importFile(file, Symbol.BTC, io.recio.feeds.HistoryFile.Mode.LENIENT, Progress.NONE);
        assertThat(again.inserted()).isZero();
        assertThat(again.alreadyStored()).isEqualTo(38_942);
        assertThat(candles.count(Symbol.BTC) - before).isEqualTo(38_942);

        List<Candle> firstHour = new ArrayList<>();
        candles.forEachCandle(Symbol.BTC, Instant.ofEpochSecond(1_736_208_060L),
                Instant.ofEpochSecond(1_736_208_060L + 3600), firstHour::add);
        assertThat(firstHour).hasSize(60);
        assertThat(firstHour.getFirst().open()).isEqualTo(SpotPrice.parse("102228"));
        assertThat(firstHour).isSortedAccordingTo(java.util.Comparator.comparing(Candle::start));
        assertThat(firstHour.getFirst().source()).isEqualTo(file.getFileName().toString());
    }

    private static FeedsProperties properties(Symbol symbol, int days, Map<Symbol, List<java.nio.file.Path>> files) {
        return new FeedsProperties(List.of(symbol), null, java.net.URI.create("https://api.exchange.coinbase.com"),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60), 50, Duration.ofSeconds(2),
                Duration.ofDays(30), days, files, 3);
    }

    @Autowired
    io.recio.RecioProperties recio;

    @Test
    void aFreshDemoIsSeededFromTheSimulatorOrTheNamedFilesAndOnlyWhenEmpty(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        jdbc.sql("DELETE FROM historical_data.candle_1m").update();
        try {
            java.time.Clock clock = java.time.Clock.systemUTC();
            io.recio.simulator.prices.model.PriceModel model = new io.recio.simulator.prices.model.PriceModel(clock, 7,
                    SpotPrice.parse("95000"), SpotPrice.parse("3500"), null, null);
            List<Object> published = new ArrayList<>();
            new DemoHistorySeeder(properties(Symbol.ETH, 2, Map.of()), candles, history, () -> model, clock,
                    published::add).seedAll();
            assertThat(candles.count(Symbol.ETH)).isEqualTo(2 * 1440);
            assertThat(published).containsExactly(new io.recio.feeds.HistoryImported(Symbol.ETH, 2 * 1440));
            List<Candle> newest = new ArrayList<>();
            Instant now = Instant.now();
            candles.forEachCandle(Symbol.ETH, now.minus(Duration.ofMinutes(10)), now, newest::add);
            assertThat(newest).isNotEmpty().allMatch(c -> c.source().equals("simulator"));

            java.nio.file.Path file = dir.resolve("btc-1m.csv");
            java.nio.file.Files.writeString(file, "timestamp,open,high,low,close,volume\n"
                    + "1672531200,100,110,90,105,1\n1672531260,105,106,104,104.5,2\n");
            DemoHistorySeeder fromFiles = new DemoHistorySeeder(properties(Symbol.BTC, 21, Map.of(Symbol.BTC, List.of(file))),
                    candles, history, () -> null, clock, e -> { });
            fromFiles.seedAll();
            assertThat(candles.count(Symbol.BTC)).isEqualTo(2);

            new DemoHistorySeeder(properties(Symbol.ETH, 3, Map.of()), candles, history, () -> model, clock,
                    e -> { }).seedAll();
            assertThat(candles.count(Symbol.ETH)).as("a history that is not empty is left alone").isEqualTo(2 * 1440);
        } finally {
            jdbc.sql("DELETE FROM historical_data.candle_1m").update();
        }
    }

    @Autowired
    Watchdogs watchdogs;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void afterARestartTheDeltasContinueFromTheStoredLog() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<PriceTickRows.LoggedSecond> stored = new ArrayList<>();
        for (int i = 300; i > 180; i--) {
            PriceTick t = new PriceTick(Symbol.ETH, now.minusSeconds(i), new SpotPrice((4_000L - i) * SpotPrice.ONE_DOLLAR),
                    Map.of(), Double.NaN, SpotPrice.parse("3800"), "coinbase", Duration.ZERO);
            stored.add(new PriceTickRows.LoggedSecond(t, 1));
        }
        rows.insert(stored);
        PriceLog restarted = new PriceLog(properties(Symbol.ETH, 21, Map.of()), board, rows, watchdogs, events,
                java.time.Clock.systemUTC());
        assertThat(restarted.restore(now)).isEqualTo(120);

        board.coinbasePrice(Symbol.ETH, SpotPrice.parse("4000"), now);
        restarted.tick(now);
        PriceTick tick = restarted.latest(Symbol.ETH).orElseThrow();
        assertThat(tick.deltasPercent()).containsOnlyKeys(1, 2, 3, 4);
        // 4 minutes back (now − 240 s) the stored price was 4000 − 240 = $3,760.
        assertThat(tick.deltasPercent().get(4)).isCloseTo(240 * 100.0 / 3_760, within(1e-12));
        // The newest stored second (now − 181 s, $3,819) is the reference for 1, 2 and 3 minutes.
        assertThat(tick.deltasPercent().get(1)).isCloseTo(181 * 100.0 / 3_819, within(1e-12));
    }
}
