package io.recio.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.RecioCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recio model evaluate} from the command line, on the real Bitstamp file. */
class ModelCommandTest {

    private static final Path BTC = Path.of(System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared"),
            "data/btc/bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz");

    @Test
    void evaluateWithoutAFileIsAUsageError() {
        assertThat(RecioCli.execute("model", "evaluate")).isEqualTo(2);
    }

    @Test
    void evaluateWritesTheReliabilityChartAndSucceeds(@TempDir Path charts) throws Exception {
        int exit = RecioCli.execute("model", "evaluate", "--btc-file", BTC.toString(), "--holdout-days", "2",
                "--chart-dir", charts.toString());
        assertThat(exit).isZero();
        assertThat(Files.readString(charts.resolve("reliability_btc.svg"))).startsWith("<svg");
    }

    @Test
    void evaluateOfAFileThatIsNotOneMinuteBarsFails(@TempDir Path charts) {
        Path eth = BTC.getParent().getParent().resolve("eth/binance_ethusdt_2h.csv.gz");
        assertThat(RecioCli.execute("model", "evaluate", "--eth-file", eth.toString(), "--chart-dir",
                charts.toString())).isEqualTo(1);
    }
}
