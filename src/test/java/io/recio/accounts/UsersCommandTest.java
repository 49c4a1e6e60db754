package io.recio.accounts;

import static io.recio.testsupport.CommandLineRun.withInput;
import static org.assertj.core.api.Assertions.assertThat;

import io.recio.testsupport.CommandLineRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recio users ...} on a configured database while recio is stopped. */
class UsersCommandTest {

    private static String config(Path dir) throws Exception {
        Path file = dir.resolve("recio.yml");
        Files.writeString(file, """
                spring:
                  datasource:
                    url: jdbc:h2:file:%s/recio;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH
                recio:
                  data-dir: %s
                  accounts:
                    initial-admin-password: users-cli-password
                """.formatted(dir, dir));
        return file.toString();
    }

    @Test
    void addsListsResetsAndDisablesUsersButNeverTheLastMasterAdmin(@TempDir Path dir) throws Exception {
        String config = config(dir);
        // the command line creates no account by itself (only a running console does): the owner adds the admin
        CommandLineRun admin = withInput("", "users", "add", "admin", "--role", "master_admin", "--config", config);
        assertThat(admin.exit()).as(admin.err()).isZero();
        CommandLineRun added = withInput("", "users", "add", "carol", "--role", "user", "--config", config);
        assertThat(added.exit()).as(added.err()).isZero();
        Matcher generated = Pattern.compile("Password \\(shown only now\\): (\\S+)").matcher(added.out());
        assertThat(generated.find()).as(added.out()).isTrue();

        CommandLineRun reset = withInput("carols-own-phrase\n", "users", "reset-password", "carol", "--password-stdin",
                "--config", config);
        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("New password set for carol.").doesNotContain("carols-own-phrase");

        CommandLineRun refused = withInput("", "users", "disable", "admin", "--config", config);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("recio users disable: 'admin' is the last enabled master admin");

        assertThat(withInput("", "users", "disable", "carol", "--config", config).exit()).isZero();
        CommandLineRun list = withInput("", "users", "list", "--config", config);
        assertThat(list.out()).containsPattern("admin\\s+MASTER_ADMIN\\s+enabled")
                .containsPattern("carol\\s+USER\\s+disabled");
    }
}
