package io.recio.kalshi;

import static io.recio.testsupport.CommandLineRun.recio;
import static org.assertj.core.api.Assertions.assertThat;

import io.recio.testsupport.CommandLineRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recio credentials show|rotate-master-key} on a configured database while recio is stopped. */
class CredentialsCommandTest {

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir + "/recio;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private static String config(Path dir, String extra) throws Exception {
        Path file = dir.resolve("recio-" + extra.hashCode() + ".yml");
        Files.writeString(file, """
                spring:
                  datasource:
                    url: %s
                recio:
                  data-dir: %s
                %s
                """.formatted(url(dir), dir, extra));
        return file.toString();
    }

    @Test
    void rotatingTheMasterKeySealsAnAlertSecretAnOlderVersionLeftPlainWithTheNewKey(@TempDir Path dir)
            throws Exception {
        String config = config(dir, "");
        CommandLineRun show = recio("credentials", "show", "--config", config);
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains("No Kalshi key stored").contains("from the key file in the data directory");
        try (Connection db = DriverManager.getConnection(url(dir), "sa", "");
             Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO system.alert_channel_setting (channel, enabled, target, secret, min_severity,"
                    + " updated_at, updated_by) VALUES ('telegram', TRUE, '42', '77:old-plain-bot-token', 'INFO',"
                    + " CURRENT_TIMESTAMP, 'old version')");
        }

        CommandLineRun rotated = recio("credentials", "rotate-master-key", "--config", config);

        assertThat(rotated.exit()).as(rotated.err()).isZero();
        Matcher ids = Pattern.compile("Master key rotated from (\\p{XDigit}{16}) to (\\p{XDigit}{16})\\.")
                .matcher(rotated.out());
        assertThat(ids.find()).as(rotated.out()).isTrue();
        assertThat(ids.group(2)).isNotEqualTo(ids.group(1));
        try (Connection db = DriverManager.getConnection(url(dir), "sa", "");
             Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("SELECT secret, secret_sealed, secret_key_id"
                     + " FROM system.alert_channel_setting WHERE channel = 'telegram'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isNull();
            assertThat(row.getString(2)).isNotBlank().doesNotContain("old-plain-bot-token");
            assertThat(row.getString(3)).isEqualTo(ids.group(2));
        }
        assertThat(recio("credentials", "show", "--config", config).out()).contains("Master key " + ids.group(2));
    }

    @Test
    void aMasterKeyFromTheEnvironmentIsNotRotatedWithoutTheNewOne(@TempDir Path dir) throws Exception {
        String config = config(dir, "RECIO_MASTER_KEY: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        CommandLineRun refused = recio("credentials", "rotate-master-key", "--config", config);

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("recio credentials rotate-master-key: the master key comes from "
                + "RECIO_MASTER_KEY; put the new one (openssl rand -base64 32) in RECIO_NEW_MASTER_KEY");
    }
}
