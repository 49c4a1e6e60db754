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

/** The ./recio launcher: help without a build, and a clear message when no JDK 21+ is found. */
class LauncherTest {

    private record Result(int exit, String output) {
    }

    private static Result launcher(Map<String, String> env, String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = Path.of("recio").toAbsolutePath().toString();
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
