package io.recio.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.RecioCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recio users ...} on a configured database while recio is stopped. */
class UsersCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run recio(String stdin, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int exit = RecioCli.execute(args);
            return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
    }

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
        Run admin = recio("", "users", "add", "admin", "--role", "master_admin", "--config", config);
        assertThat(admin.exit()).as(admin.err()).isZero();
        Run added = recio("", "users", "add", "carol", "--role", "user", "--config", config);
        assertThat(added.exit()).as(added.err()).isZero();
        Matcher generated = Pattern.compile("Password \\(shown only now\\): (\\S+)").matcher(added.out());
        assertThat(generated.find()).as(added.out()).isTrue();

        Run reset = recio("carols-own-phrase\n", "users", "reset-password", "carol", "--password-stdin",
                "--config", config);
        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("New password set for carol.").doesNotContain("carols-own-phrase");

        Run refused = recio("", "users", "disable", "admin", "--config", config);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("recio users disable: 'admin' is the last enabled master admin");

        assertThat(recio("", "users", "disable", "carol", "--config", config).exit()).isZero();
        Run list = recio("", "users", "list", "--config", config);
        assertThat(list.out()).containsPattern("admin\\s+MASTER_ADMIN\\s+enabled")
                .containsPattern("carol\\s+USER\\s+disabled");
    }
}
