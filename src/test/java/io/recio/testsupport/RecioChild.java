package io.recio.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line of a recio child process in live mode against the Kalshi exchange simulator of the test's JVM
 * (no Coinbase feed: prices come from Kalshi's index), on a PostgreSQL database of the test's choosing, with the
 * first master admin {@code admin} and the given password. Its output goes to {@code log}.
 */
public final class RecioChild {

    private RecioChild() {
    }

    /**
     * @param dir      its working and data directory
     * @param port     its console's port
     * @param restUrl  the simulator's REST URL; {@code wsUrl} its WebSocket
     * @param keyId    the simulator account's key id; {@code keyFile} its private key's PEM file
     * @param database the JDBC URL (user postgres, no password)
     */
    public static ProcessBuilder live(Path dir, int port, String restUrl, String wsUrl, String keyId, Path keyFile,
                                      String database, String adminPassword, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "-Drecio.mode=live",
                "-Drecio.data-dir=" + dir,
                "-Drecio.ports.main-app=" + port,
                "-Drecio.ports.simulator-kalshi=0",
                "-Drecio.ports.simulator-coinbase=0",
                "-Drecio.kalshi.rest-url=" + restUrl,
                "-Drecio.kalshi.ws-url=" + wsUrl,
                "-Drecio.kalshi.key-id=" + keyId,
                "-Drecio.kalshi.key-file=" + keyFile,
                "-Drecio.trading.venue=kalshi",
                "-Drecio.feeds.coinbase-url=ws://127.0.0.1:1/",
                "-Drecio.feeds.stale-after=1s",
                "io.recio.RecioApplication", "run")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("RECIO_"));
        builder.environment().put("RECIO_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("RECIO_DB_URL", database);
        builder.environment().put("RECIO_DB_USER", PostgresTestDatabase.USER);
        builder.environment().put("RECIO_DB_PASSWORD", "");
        return builder;
    }

    /** A port free now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
