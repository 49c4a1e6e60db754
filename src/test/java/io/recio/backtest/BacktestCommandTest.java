package io.recio.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input to {@code recio backtest}: one clear message and exit code 2, never a silent empty report. */
class BacktestCommandTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownSettingsKeyIsNamed() throws Exception {
        Path settings = Files.writeString(dir.resolve("s.yml"), "recio:\n  trading:\n    auto-entry:\n      min-prob: 80\n");
        Result r = run("--symbol", "BTC", "--from", "2025-01-08", "--to", "2025-01-09", "--history", history(),
                "--settings", settings.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("settings file").contains("unknown setting 'recio.trading.auto-entry.min-prob'");
    }

    @Test
    void aPeriodOutsideTheHistoryIsRefusedWithWhatItCovers() throws Exception {
        Result r = run("--symbol", "BTC", "--from", "2024-01-08", "--to", "2024-01-09", "--history", history());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no BTC one-minute candles between 2024-01-08T00:00:00Z and 2024-01-10T00:00:00Z")
                .contains("the history covers 2025-01-08T00:00:00Z");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() throws Exception {
        Result r = run("--symbol", "BTC", "--from", "2025-01-09", "--to", "2025-01-07", "--history", history());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the period is empty");
    }

    @Test
    void aSweepOfAnUnknownKeyOrAnImpossibleValueIsRefused() throws Exception {
        Result unknown = run("--symbol", "BTC", "--from", "2025-01-08", "--to", "2025-01-08", "--history", history(),
                "--sweep", "min-edge=0.01,0.02");
        Result impossible = run("--symbol", "BTC", "--from", "2025-01-08", "--to", "2025-01-08", "--history", history(),
                "--sweep", "auto-entry.min-probability=50,150");

        assertThat(unknown.err()).contains("--sweep names an unknown setting 'min-edge'");
        assertThat(impossible.err()).contains("min_probability must be 0 to 100 percent, was 150.0");
    }

    @Test
    void aBadDateSaysWhatItExpects() throws Exception {
        Result r = run("--symbol", "BTC", "--from", "08/01/2025", "--to", "2025-01-09", "--history", history());

        assertThat(r.err()).contains("--from must be a day (2025-01-07) or an ISO instant");
    }

    private String history() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close\n");
        long start = 1_736_294_400L; // 2025-01-08T00:00:00Z
        for (int i = 0; i < 180; i++) {
            csv.append(start + i * 60L).append(",95000,95010,94990,95000\n");
        }
        return Files.writeString(dir.resolve("btc.csv"), csv.toString()).toString();
    }

    private record Result(int code, String err) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new BacktestCommand()).execute(args);
            return new Result(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }
}
