package io.recio.pricing.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recio.feeds.HistoryFile;
import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import io.recio.pricing.SettlementDistribution;
import io.recio.pricing.internal.model.HarModel;
import io.recio.pricing.internal.model.HarVolatility;
import io.recio.pricing.internal.model.MinuteSeries;
import io.recio.pricing.internal.model.VolatilityFit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The evaluation's {@code har} and the live model give the same probability on the same inputs: the weights and ν
 * fitted on the history before a cut, the live model seeded with that history and then fed the following minutes
 * second by second as the price log feeds it, asked a minute later what the evaluation predicts at that minute's
 * close (real Bitstamp BTC minutes from ../shared/data).
 */
class HarLiveAgreementTest {

    private static final Path DATA = Path.of(System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared"), "data");

    @Test
    void theLiveModelPredictsWhatTheEvaluationScores() throws Exception {
        MinuteSeries series = MinuteSeries.read(DATA.resolve("btc/bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz"),
                HistoryFile.Mode.STRICT);
        int cut = 7 * 1440;
        HarVolatility weights = HarVolatility.fit(series, cut);
        double nu = VolatilityFit.fit(series.head(cut), 360).nu();
        double[] evaluated = weights.variancePerMinute(series);

        HarModel live = new HarModel();
        live.install(Symbol.BTC, weights, nu);
        live.seed(Symbol.BTC, series.head(cut));
        int at = cut + 90;
        for (int m = cut; m <= at; m++) {
            double close = series.close(m);
            if (!Double.isNaN(close)) {
                // the minute's earlier seconds are not its close: only the last logged price counts
                live.observe(Symbol.BTC, series.minute(m).plusSeconds(10), close * 1.01);
                live.observe(Symbol.BTC, series.minute(m).plusSeconds(59), close);
            }
        }
        double spot = series.close(at);
        live.observe(Symbol.BTC, series.minute(at + 1), spot);

        assertThat(live.variancePerMinute(Symbol.BTC)).isCloseTo(evaluated[at], within(evaluated[at] * 1e-12));
        ModelInputs in = ModelInputs.unobserved(Symbol.BTC, spot, 25 * 60.0, series.momentumPercent(at) * 100);
        SettlementDistribution scored = HarModel.settlement(in, evaluated[at], nu);
        SettlementDistribution served = live.settlement(in);
        double grid = Math.floor(spot / 250) * 250;
        for (int k = -9; k <= 10; k++) {
            double strike = grid + k * 250;
            assertThat(served.probabilityAbove(strike)).isCloseTo(scored.probabilityAbove(strike), within(1e-12));
        }
    }
}
