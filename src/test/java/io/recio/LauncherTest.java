package io.recio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./recio launcher: help without a build, a clear message when no JDK 21+ is found, and the start-up cache
 * (made once per jar and JDK, used only while it matches them), with a stand-in JDK that records its command line.
 */
class LauncherTest {

    private record Result(int exit, String output) {
    }

    private static Result launcher(Map<String, String> env, String... args) throws Exception {
        return launcher(Path.of("recio").toAbsolutePath(), env, args);
    }

    private static Result launcher(Path script, Map<String, String> env, String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = script.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Result result = launcher(Map.of(), "--help");
        assertThat(result.exit()).isZero();
        assertThat(result.output()).contains("demo").contains("run").contains("test").contains("RECIO_ADMIN_PASSWORD");
    }

    @Test
    void withoutAJdk21TheLauncherSaysWhichJdksItFoundAndWhatItNeeds(@TempDir Path jvms) throws Exception {
        Path old = fakeJdk(jvms.resolve("jdk-17"), "17.0.15");
        Result result = launcher(Map.of("JAVA_HOME", old.toString(), "RECIO_JDK_SEARCH", jvms.toString()), "demo");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output())
                .contains("needs a JDK 21 or newer")
                .contains(old + " (Java 17)")
                .contains("JAVA_HOME");
    }

    @Test
    void withJava25TheDemoStartsFromTheStartUpCacheMadeOnceForItsJar(@TempDir Path dir) throws Exception {
        Path root = installedCopy(dir);
        Map<String, String> env = Map.of("JAVA_HOME", recordingJdk(dir.resolve("jdk-25")).toString());

        Result first = launcher(root.resolve("recio"), env, "demo");
        Result second = launcher(root.resolve("recio"), env, "demo");

        assertThat(root.resolve("target/app/start-cache.log")).content()
                .contains("-XX:AOTCacheOutput=").contains("-Dspring.context.exit=onRefresh");
        assertThat(first.output()).contains("making the start-up cache")
                .contains("-XX:AOTCache=" + root.resolve("target/app/recio.aot") + " -jar "
                        + root.resolve("target/app/recio-exec.jar") + " demo");
        assertThat(second.output()).doesNotContain("making the start-up cache")
                .contains("-XX:AOTCache=" + root.resolve("target/app/recio.aot"));
    }

    @Test
    void aNewJarMakesANewStartUpCache(@TempDir Path dir) throws Exception {
        Path root = installedCopy(dir);
        Map<String, String> env = Map.of("JAVA_HOME", recordingJdk(dir.resolve("jdk-25")).toString());
        launcher(root.resolve("recio"), env, "start-cache");

        Files.writeString(root.resolve("target/recio-exec.jar"), "a rebuilt jar");
        Result after = launcher(root.resolve("recio"), env, "start-cache");

        assertThat(after.output()).contains("making the start-up cache");
    }

    @Test
    void aStartUpCacheThatCannotBeMadeLeavesTheDemoStartingFromTheJarAndIsNotTriedAgain(@TempDir Path dir)
            throws Exception {
        Path root = installedCopy(dir);
        Map<String, String> env = Map.of("JAVA_HOME", recordingJdk(dir.resolve("jdk-25")).toString(),
                "FAKE_JAVA_FAILS", "extract");

        Result first = launcher(root.resolve("recio"), env, "demo");
        Result second = launcher(root.resolve("recio"), env, "demo");

        assertThat(first.output()).contains("no start-up cache").contains("starting from the jar")
                .contains("-jar " + root.resolve("target/recio-exec.jar") + " demo").doesNotContain("-XX:AOTCache=");
        assertThat(second.output()).doesNotContain("making the start-up cache").doesNotContain("-XX:AOTCache=");
    }

    @Test
    void ownJvmOptionsStartFromTheJarWithoutTheCache(@TempDir Path dir) throws Exception {
        Path root = installedCopy(dir);
        Map<String, String> env = Map.of("JAVA_HOME", recordingJdk(dir.resolve("jdk-25")).toString(),
                "RECIO_JAVA_OPTS", "-Xmx512m");

        Result result = launcher(root.resolve("recio"), env, "demo");

        assertThat(result.output()).doesNotContain("making the start-up cache")
                .contains("java -Xmx512m -jar " + root.resolve("target/recio-exec.jar") + " demo");
    }

    /** The launcher and a built jar, as an installation holds them (no sources, so nothing is rebuilt). */
    private static Path installedCopy(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("recio"));
        Files.copy(Path.of("recio"), root.resolve("recio"));
        Files.writeString(Files.createDirectories(root.resolve("target")).resolve("recio-exec.jar"), "the jar");
        return root;
    }

    /**
     * A JDK 25 whose java prints its command line, unpacks a jar as Spring Boot's jar tools would (a jar in the
     * destination) and writes the cache file it is asked for; {@code FAKE_JAVA_FAILS=extract} makes unpacking fail.
     */
    private static Path recordingJdk(Path home) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.writeString(bin.resolve("javac"), "#!/bin/sh\necho 'javac 25.0.1' >&2\n");
        Files.writeString(bin.resolve("java"), """
                #!/bin/sh
                case "$*" in *-version*) echo 'openjdk version "25.0.1" 2025-10-21' >&2; exit 0 ;; esac
                echo "java $*"
                case "$*" in *extract*) [ "$FAKE_JAVA_FAILS" = extract ] && { echo 'Error: corrupt jar' >&2; exit 1; } ;; esac
                next=""
                for a in "$@"; do
                  if [ "$next" = destination ]; then mkdir -p "$a"; echo jar >"$a/recio-exec.jar"; fi
                  next=""
                  case "$a" in
                    --destination) next=destination ;;
                    -XX:AOTCacheOutput=*) echo cache >"${a#-XX:AOTCacheOutput=}" ;;
                  esac
                done
                """);
        bin.resolve("java").toFile().setExecutable(true);
        bin.resolve("javac").toFile().setExecutable(true);
        return home;
    }

    private static Path fakeJdk(Path home, String version) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        for (String tool : new String[] {"java", "javac"}) {
            Path file = bin.resolve(tool);
            Files.writeString(file, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2025-04-15' >&2\n");
            file.toFile().setExecutable(true);
        }
        return home;
    }
}
