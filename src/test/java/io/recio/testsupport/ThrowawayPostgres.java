package io.recio.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of a test's own, never the shared one at 5432: {@code initdb} into a temporary directory and
 * {@code pg_ctl} on a free loopback port, so the test may stop and start it. The binaries are Debian's
 * ({@code /usr/lib/postgresql/<version>/bin}, the newest). PostgreSQL refuses to run as root, so as root the cluster
 * belongs to the {@code postgres} system user and every command runs through {@code runuser}. The test is skipped,
 * naming what is missing, only when there are no binaries or, as root, no {@code postgres} user or no runuser.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final Path BINARIES = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private ThrowawayPostgres(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Creates the cluster (trust authentication, user {@code postgres}) and starts it; skips when impossible. */
    public static ThrowawayPostgres started() throws IOException, InterruptedException {
        Path bin = newestBinaries().orElse(null);
        Assumptions.assumeTrue(bin != null, "no PostgreSQL server binaries under " + BINARIES
                + " (Debian's postgresql package), so no throwaway cluster can be made");
        boolean root = "root".equals(System.getProperty("user.name"));
        UserPrincipal postgres = null;
        if (root) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(
                    Path.of("/sbin/runuser")), "running as root and there is no runuser to run initdb as postgres");
            try {
                postgres = Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            } catch (IOException e) {
                Assumptions.abort("running as root (PostgreSQL refuses to) and there is no 'postgres' user to run it as");
            }
        }
        Path dir = Files.createTempDirectory("recio-pg");
        if (postgres != null) {
            Files.setOwner(dir, postgres);
        }
        ThrowawayPostgres cluster = new ThrowawayPostgres(bin, dir, RecioChild.freePort(), root);
        cluster.run("initdb", "-D", cluster.data().toString(), "-A", "trust", "-U", "postgres", "--no-sync",
                "-E", "UTF8");
        cluster.start();
        return cluster;
    }

    private static Optional<Path> newestBinaries() throws IOException {
        if (!Files.isDirectory(BINARIES)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(BINARIES)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing((Path b) -> versionOf(b)));
        }
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The JDBC URL of its {@code postgres} database. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    /** Starts the server and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data().toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "120",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
    }

    /**
     * Stops the server the way a crash would ({@code -m immediate}: no checkpoint, every connection cut); the next
     * start replays the write-ahead log, so only what was committed comes back.
     */
    public void crash() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
    }

    /** Stops the server (if it runs) and deletes the cluster. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (Files.exists(data().resolve("postmaster.pid"))) {
            run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("recio-pg-" + tool, ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish within 180 s: " + Files.readString(output));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                        + Files.readString(output) + serverLog());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String serverLog() throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
    }

}
