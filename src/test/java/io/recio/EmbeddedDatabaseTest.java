package io.recio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The embedded H2 database of demo mode is a file of recio's own, never a network service. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    /** The datasource URL recio uses when no PostgreSQL is configured, for a data directory. */
    private static String defaultUrl(Path dataDir) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("recio.data-dir", dataDir.toString())));
        return env.getProperty("spring.datasource.url");
    }

    /** Inodes of the TCP sockets this JVM listens on (state 0A in /proc/net/tcp*). */
    private static Set<String> listeningSocketsOfThisProcess() throws IOException {
        Set<String> mine = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        mine.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while listing
                }
            }
        }
        Set<String> listening = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && mine.contains(f[9])) {
                    listening.add(f[9]);
                }
            }
        }
        return listening;
    }

    @Test
    void theDefaultUrlIsAFileUnderTheDataDirectoryWithoutAServer() throws Exception {
        String url = defaultUrl(dataDir);
        assertThat(url).startsWith("jdbc:h2:file:" + dataDir + "/recio;").doesNotContainIgnoringCase("AUTO_SERVER");
    }

    @Test
    void openingTheEmbeddedDatabaseListensOnNoPort() throws Exception {
        Set<String> before = listeningSocketsOfThisProcess();
        try (Connection c = DriverManager.getConnection(defaultUrl(dataDir), "sa", "")) {
            c.createStatement().execute("CREATE TABLE t (x INT)");
            Set<String> during = listeningSocketsOfThisProcess();
            during.removeAll(before);
            assertThat(during).as("new listening sockets").isEmpty();
        }
    }

    @Test
    void aDatabaseOpenInAnotherProcessIsReportedInOneLine(CapturedOutput output) throws Exception {
        String url = defaultUrl(dataDir);
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), url)
                .redirectErrorStream(true).start();
        try {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine())
                    .isEqualTo("held");
            int exit = RecioCli.serve(List.of("--spring.profiles.active=test", "--recio.services.autostart=false",
                    "--spring.datasource.url=" + url, "--recio.data-dir=" + dataDir));
            assertThat(exit).isNotZero();
            assertThat(output.getAll()).contains("is open in another recio process")
                    .contains("Stop the running recio first");
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    /** Another process holding the database open, as a running recio would, until it is killed. */
    static final class HoldDatabase {
        public static void main(String[] args) throws Exception {
            try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
                System.out.println("held");
                System.out.flush();
                Thread.currentThread().join();
            }
        }
    }
}
