package io.recio.pricing.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recio.market.Symbol;
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
    void aBadSnapshotLineIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.jsonl");
        Files.writeString(file, "{\"ticker\":\"KXETH15M-26AUG170145-45\",\"ts\":1,\"mid\":0.5,\"spot\":1900}\n{\"ticker\":1}\n");
        assertThatThrownBy(() -> MarketHistory.readSnapshots(file)).hasMessageContaining("line 2")
                .hasMessageContaining("expected a JSON object with ticker, ts, mid and spot");
    }
}
