package io.recio.pricing.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.market.Symbol;
import io.recio.feeds.HistoryFile;
import io.recio.pricing.internal.model.MinuteSeries;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Evaluation on the real Bitstamp one-minute file in ../shared/data (RECIO_SHARED_DIR). */
class EvaluationTest {

    private static final Path DATA = Path.of(System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared"), "data");

    @Test
    void theRealBtcMinuteFileReadsWithEveryMinuteOnTheGrid() throws Exception {
        MinuteSeries s = MinuteSeries.read(DATA.resolve("btc/bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz"), HistoryFile.Mode.STRICT);
        // 38,942 rows per shared/data/README.md, 2025-01-07 00:01 → 2025-02-03 01:02.
        assertThat(s.present()).isEqualTo(38_942);
        assertThat(s.start().toString()).isEqualTo("2025-01-07T00:01:00Z");
    }

    @Test
    void bothModelsScoreOnTheHeldOutDaysWithAReliabilityTableThatAddsUp() throws Exception {
        MinuteSeries s = MinuteSeries.read(DATA.resolve("btc/bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz"), HistoryFile.Mode.STRICT);
        Evaluation.Result r = Evaluation.run(Symbol.BTC, s, new Evaluation.Settings(2, 1, 250, 0.5, 300, 360, 0.25));
        assertThat(r.folds()).hasSize(1);
        assertThat(r.closes()).isBetween(47L, 49L);
        for (Evaluation.Score score : r.scores()) {
            assertThat(Arrays.stream(score.bandCount()).sum()).isEqualTo(score.predictions());
            // Far better than a coin (0.25) and than always saying the base rate of a 20-strike ladder.
            assertThat(score.brier()).isLessThan(0.08);
            assertThat(score.logLoss()).isLessThan(0.3);
        }
        assertThat(ReliabilityChart.svg(r)).startsWith("<svg").contains("fingerprint", "volatility").endsWith("</svg>\n");
    }

    @Test
    void everyModelIsScoredOnExactlyTheBaselinesPointsWithSkillAndCalibration() throws Exception {
        MinuteSeries s = MinuteSeries.read(DATA.resolve("btc/bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz"), HistoryFile.Mode.STRICT);
        Evaluation.Result r = Evaluation.run(Symbol.BTC, s, new Evaluation.Settings(1, 2, 250, 0.5, 300, 360, 0.25));
        assertThat(r.folds()).hasSize(2);
        assertThat(r.folds().get(1).testFrom()).isEqualTo(r.folds().get(0).testTo().plusSeconds(60));
        assertThat(r.scores()).extracting(Evaluation.Score::model)
                .containsExactly(Evaluation.BASELINE, "fingerprint", "volatility", Evaluation.HAR);
        for (Evaluation.Score score : r.scores()) {
            assertThat(score.predictions()).isEqualTo(r.baseline().predictions());
            assertThat(score.ece()).isBetween(0.0, 0.1);
        }
        assertThat(r.baseline().skill(r.baseline())).isZero();
        assertThat(Evaluation.format(r, "file")).contains("skill vs base", "har", "baseline");
    }

    @Test
    void theBaselineIsALognormalWithoutDriftOrTails() {
        // σ√t = 1 % of log price: a strike e^{1 %} above spot is one standard deviation away.
        assertThat(Evaluation.baseline(100, 0.0001 / 4, 4).probabilityAbove(100 * Math.exp(0.01)))
                .isCloseTo(0.158655, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Evaluation.baseline(100, 0.0001, 1).probabilityAbove(100)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void aFileWithTwoHourBarsIsRefusedNamingTheBarLength() {
        assertThatThrownBy(() -> MinuteSeries.read(DATA.resolve("eth/binance_ethusdt_2h.csv.gz"), HistoryFile.Mode.STRICT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds 2-hour bars; expected 1-minute bars");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> MinuteSeries.read(DATA.resolve("nope.csv"), HistoryFile.Mode.STRICT))
                .hasMessageContaining("nope.csv does not exist or is not a readable file");
    }
}
