package io.recio.pricing.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recio.kalshi.RecordedQuotes;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Symbol;
import io.recio.pricing.internal.model.MinuteSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring recorded Kalshi prices beside the models, and the market-informed blend fitted on past contracts only. */
class MarketEvaluationTest {

    private static final Path SNAPSHOTS = Path.of(System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared"),
            "data/kalshi/kxeth15m_book_snapshots_2026-08-17_2026-08-18.jsonl.gz");

    @Test
    void aFifteenMinuteTickerClosesAtItsNewYorkTime() {
        assertThat(MarketHistory.fifteenMinuteClose("KXETH15M-26AUG170145-45")).isEqualTo(Instant.parse("2026-08-17T05:45:00Z"));
        assertThat(MarketHistory.fifteenMinuteClose("KXBTC15M-26FEB161830-30")).isEqualTo(Instant.parse("2026-02-16T23:30:00Z"));
        assertThatThrownBy(() -> MarketHistory.fifteenMinuteClose("KXBTCD-26AUG1717-T100000"))
                .hasMessageContaining("is not a 15-minute crypto ticker");
    }

    @Test
    void theLogisticFitRecoversACalibratedInput() {
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int z = -2; z <= 2; z++) {
            long yes = Math.round(1000 / (1 + Math.exp(-z)));
            for (int i = 0; i < 1000; i++) {
                x.add(new double[]{z});
                y.add(i < yes);
            }
        }
        double[] w = Logistic.fit(x, y);
        assertThat(w[0]).isCloseTo(0, offset(0.01));
        assertThat(w[1]).isCloseTo(1, offset(0.01));
    }

    @Test
    void theTrailingVarianceSkipsGapsBetweenSnapshots() {
        TreeMap<Instant, Double> spot = new TreeMap<>();
        Instant t = Instant.parse("2026-08-17T05:00:00Z");
        for (int minute = 0; minute <= 12; minute++) {
            spot.put(t.plusSeconds(60L * minute), minute % 2 == 0 ? 100.0 : 101.0);
        }
        spot.put(t.plusSeconds(60L * 40), 150.0);
        double r = Math.log(101.0 / 100);
        assertThat(MarketEvaluation.trailingVariance(spot, t.plusSeconds(60L * 40))).isCloseTo(r * r, offset(1e-12));
        assertThat(MarketEvaluation.trailingVariance(spot, t.plusSeconds(60L * 5))).isNaN();
    }

    @Test
    void theSnapshotFileIsScoredByMinutesToCloseOnTheSamePointsForEveryColumn() throws Exception {
        assumeTrue(Files.exists(SNAPSHOTS), "shared data " + SNAPSHOTS + " is absent (set RECIO_SHARED_DIR); skipped");
        MarketHistory.Data data = MarketHistory.readSnapshots(SNAPSHOTS);
        assertThat(data.tickers()).isEqualTo(115);
        assertThat(data.contracts()).hasSizeBetween(15, 30);
        MarketEvaluation.Result r = MarketEvaluation.run(Symbol.ETH, data, 8);
        assertThat(r.scoredContracts()).isPositive().isLessThan(r.contracts());
        assertThat(r.bands().stream().mapToLong(MarketEvaluation.Band::points).sum()).isEqualTo(r.all().points());
        for (double brier : r.all().brier()) {
            assertThat(brier).isBetween(0.0, 1.0);
        }
        assertThat(MarketEvaluation.format(r, "file")).contains("market", "blend", "0-2");
    }

    @Test
    void anImportedFileOfHourlyStrikesIsReadWithTheTickersCloseAndStrikeAndTheResultGiven(@TempDir Path dir) throws Exception {
        // KXBTCD-26SEP2516 closes 16:00 New York = 20:00 UTC; spot one-minute bars from 18:00 UTC at $90,000 ± $10.
        StringBuilder spot = new StringBuilder("timestamp,open,high,low,close\n");
        Instant t0 = Instant.parse("2026-09-25T18:00:00Z");
        for (int m = 0; m < 120; m++) {
            String price = m % 2 == 0 ? "90000" : "90010";
            spot.append(t0.getEpochSecond() + 60L * m).append(',').append(price).append(',').append(price).append(',')
                    .append(price).append(',').append(price).append('\n');
        }
        Path spotFile = dir.resolve("spot.csv");
        Files.writeString(spotFile, spot);
        Path market = dir.resolve("market.csv");
        Files.writeString(market, """
                ticker,time,yes_price,result,volume
                KXBTCD-26SEP2516-T89999.99,2026-09-25T19:50:00Z,0.55,yes,10
                KXBTCD-26SEP2516-T89999.99,2026-09-25T19:58:30Z,62,yes,10
                KXBTCD-26SEP2516-B90125,2026-09-25T19:50:00Z,0.20,no,1
                KXBTCD-26SEP2516-T90249.99,2026-09-25T19:55:00Z,0.05,no,3
                """);
        MarketHistory.Data data = MarketHistory.readQuotes(market, spotFile);
        assertThat(data.contracts()).extracting(MarketHistory.Contract::ticker)
                .containsExactlyInAnyOrder("KXBTCD-26SEP2516-T89999.99", "KXBTCD-26SEP2516-T90249.99");
        MarketHistory.Contract atm = data.contracts().stream().filter(c -> c.ticker().endsWith("T89999.99")).findFirst()
                .orElseThrow();
        assertThat(atm.close()).isEqualTo(Instant.parse("2026-09-25T20:00:00Z"));
        assertThat(atm.strike()).isEqualTo(89_999.99);
        assertThat(atm.yes()).isTrue();
        assertThat(atm.quotes()).extracting(MarketHistory.Quote::yesMid).containsExactly(0.55, 0.62);
        // At 19:50 the spot is the close of the 19:49 bar, the last one complete (odd minutes close at $90,010).
        assertThat(atm.quotes().getFirst().spot()).isEqualTo(90_010.0);
        assertThat(MarketEvaluation.run(Symbol.BTC, data, 0).all().points()).isEqualTo(3);
    }

    @Test
    void recordedQuotesBecomeSettledContractsWithTheLoggedSpotDecidingTheResult() {
        MinuteSeries.Builder minutes = MinuteSeries.builder();
        Instant t0 = Instant.parse("2026-09-25T18:00:00Z");
        for (int m = 0; m < 120; m++) {
            double price = m % 2 == 0 ? 90_000 : 90_010;
            minutes.add(t0.plusSeconds(60L * m), price, price);
        }
        MarketTicker atm = MarketTicker.parse("KXBTCD-26SEP2516-T89999.99");
        MarketHistory.Recorded recorded = new MarketHistory.Recorded();
        recorded.add(recordedQuote(atm, "0.54", "0.56", "2026-09-25T19:50:00Z"));
        recorded.add(recordedQuote(atm, "0.10", "0.90", "2026-09-25T19:50:30Z"));
        recorded.add(recordedQuote(atm, "0.61", "0.63", "2026-09-25T19:58:30Z"));
        recorded.add(recordedQuote(atm, "0.40", "0.50", "2026-09-25T18:30:00Z"));
        recorded.add(recordedQuote(MarketTicker.parse("KXBTCD-26SEP2516-T90249.99"), "0", "0.05",
                "2026-09-25T19:55:00Z"));
        recorded.add(recordedQuote(MarketTicker.parse("KXBTCD-26SEP2516-B90125"), "0.20", "0.22",
                "2026-09-25T19:50:00Z"));
        recorded.add(recordedQuote(MarketTicker.parse("KXBTCD-26SEP2517-T89999.99"), "0.50", "0.52",
                "2026-09-25T20:30:00Z"));

        MarketHistory.Data data = recorded.build(minutes.build());

        assertThat(data.contracts()).extracting(MarketHistory.Contract::ticker)
                .containsExactly("KXBTCD-26SEP2516-T89999.99");
        MarketHistory.Contract contract = data.contracts().getFirst();
        // the final minute, 19:59, opens and closes at $90,010: above the strike
        assertThat(contract.yes()).isTrue();
        assertThat(contract.strike()).isEqualTo(89_999.99);
        assertThat(contract.quotes()).extracting(MarketHistory.Quote::yesMid).containsExactly(0.55, 0.62);
        assertThat(contract.quotes().getFirst().spot()).isEqualTo(90_010.0);
    }

    private static RecordedQuotes.Quote recordedQuote(MarketTicker ticker, String bid, String ask, String at) {
        return new RecordedQuotes.Quote(ticker, Price.parse(bid), Price.parse(ask), Instant.parse(at));
    }

    @Test
    void anImportedFileWithABadResultIsRefusedNamingTheLine(@TempDir Path dir) throws Exception {
        Path spotFile = dir.resolve("spot.csv");
        Files.writeString(spotFile, "timestamp,open,high,low,close\n1790366400,1,1,1,1\n1790366460,1,1,1,1\n");
        Path market = dir.resolve("market.csv");
        Files.writeString(market, "ticker,time,yes_price,result\nKXBTCD-26SEP2516-T89999.99,1790366400,0.5,maybe\n");
        assertThatThrownBy(() -> MarketHistory.readQuotes(market, spotFile))
                .hasMessageContaining("line 2: result 'maybe' is not yes or no");
    }

    @Test
    void aBadSnapshotLineIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.jsonl");
        Files.writeString(file, "{\"ticker\":\"KXETH15M-26AUG170145-45\",\"ts\":1,\"mid\":0.5,\"spot\":1900}\n{\"ticker\":1}\n");
        assertThatThrownBy(() -> MarketHistory.readSnapshots(file)).hasMessageContaining("line 2")
                .hasMessageContaining("expected a JSON object with ticker, ts, mid and spot");
    }
}
