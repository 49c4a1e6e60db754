package io.recio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./recio install} under a prefix: the files a server gets, with their permissions, the steps that need
 * root, and a systemd unit that systemd itself accepts.
 */
class InstallScriptTest {

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Result install(Path prefix, Path jar) throws Exception {
        return run(List.of("bash", Path.of("recio").toAbsolutePath().toString(), "install", "--prefix",
                prefix.toString(), "--no-packages", "--jar", jar.toString()));
    }

    @Test
    void installsProgramDataSettingsAndUnitWithOwnerOnlySecretsAndSaysWhatNeedsRoot(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("recio-exec.jar"), "jar");
        Path root = dir.resolve("root");

        Result result = install(root, jar);

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(root.resolve("opt/recio/recio")).isExecutable();
        assertThat(root.resolve("opt/recio/target/recio-exec.jar")).hasContent("jar");
        assertThat(mode(root.resolve("var/lib/recio"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("etc/recio"))).isEqualTo("rwxr-x---");
        assertThat(mode(root.resolve("etc/recio/recio.env"))).isEqualTo("rw-r-----");
        assertThat(Files.readString(root.resolve("etc/recio/recio.env")))
                .contains("RECIO_DB_URL=jdbc:postgresql://127.0.0.1:5432/recio").contains("RECIO_DB_USER=recio")
                .containsPattern("RECIO_DB_PASSWORD=\\w{16,}").containsPattern("RECIO_ADMIN_PASSWORD=\\w{16,}");
        assertThat(Files.readString(root.resolve("etc/recio/recio.yml"))).contains("mode: paper")
                .contains("data-dir: /var/lib/recio").contains("bind-address: 127.0.0.1");
        assertThat(Files.readString(root.resolve("etc/systemd/system/recio.service")))
                .contains("User=recio").contains("ExecStart=" + root + "/opt/recio/recio run --config " + root
                        + "/etc/recio/recio.yml").contains("ReadWritePaths=" + root + "/var/lib/recio");
        assertThat(result.output()).contains("as root: useradd --system").contains("as root: chown recio:recio")
                .contains("CREATE DATABASE recio OWNER recio").contains("as root: systemctl enable recio")
                .doesNotContain("RECIO_DB_PASSWORD=");
    }

    @Test
    void aSecondInstallIsAnUpgradeThatKeepsSettingsAndSecrets(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("recio-exec.jar"), "v1");
        Path root = dir.resolve("root");
        install(root, jar);
        String secrets = Files.readString(root.resolve("etc/recio/recio.env"));
        Files.writeString(root.resolve("etc/recio/recio.yml"), "recio:\n  mode: live\n");

        Result again = install(root, Files.writeString(jar, "v2"));

        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(root.resolve("opt/recio/target/recio-exec.jar")).hasContent("v2");
        assertThat(root.resolve("etc/recio/recio.env")).hasContent(secrets);
        assertThat(root.resolve("etc/recio/recio.yml")).hasContent("recio:\n  mode: live\n");
        assertThat(again.output()).doesNotContain("CREATE ROLE").contains("systemctl restart recio");
    }

    @Test
    void theInstalledUnitPassesSystemdsOwnCheck(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is missing");
        Path root = dir.resolve("root");
        install(root, Files.writeString(dir.resolve("recio-exec.jar"), "jar"));

        Result verify = run(List.of("systemd-analyze", "verify",
                root.resolve("etc/systemd/system/recio.service").toString()));

        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).doesNotContain("recio.service:");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
