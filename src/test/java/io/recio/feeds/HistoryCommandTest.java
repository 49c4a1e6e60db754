package io.recio.feeds;

import static io.recio.testsupport.CommandLineRun.recio;
import static org.assertj.core.api.Assertions.assertThat;

import io.recio.testsupport.CommandLineRun;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recio history import} from the command line into a fresh database. */
class HistoryCommandTest {

    private static Path config(Path dir) throws Exception {
        Path file = dir.resolve("recio.yml");
        Files.writeString(file, """
                spring:
                  datasource:
                    url: jdbc:h2:file:%s/recio;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH
                recio:
                  data-dir: %s
                  accounts:
                    initial-admin-password: history-test-password
                """.formatted(dir, dir));
        return file;
    }

    private static String shared(String relative) {
        return Path.of(System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared"), "data", relative).toString();
    }

    @Test
    void importsAMinuteFileWithAProgressBarAndSaysWhatItDid(@TempDir Path dir) throws Exception {
        // The first 500 minutes of the real Bitstamp file, gzipped again, keep this start-the-context test short.
        Path slice = dir.resolve("bitstamp-slice.csv.gz");
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                Files.newInputStream(Path.of(shared("btc/bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz")))),
                StandardCharsets.UTF_8));
             var out = new PrintStream(new java.util.zip.GZIPOutputStream(Files.newOutputStream(slice)), false,
                     StandardCharsets.UTF_8)) {
            in.lines().limit(501).forEach(out::println);
        }
        CommandLineRun imported = recio("history", "import", slice.toString(), "--symbol", "btc", "--config",
                config(dir).toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("bitstamp-slice.csv.gz (BTC): 500 candles read, 500 new, 0 already stored, "
                + "0 bad rows skipped");
        assertThat(imported.err()).contains("importing bitstamp-slice.csv.gz [").contains("100%");
    }

    @Test
    void anUnknownSymbolIsRefusedBeforeAnythingStarts() {
        CommandLineRun run = recio("history", "import", "whatever.csv", "--symbol", "DOGE");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("unknown symbol 'DOGE'");
    }
}
