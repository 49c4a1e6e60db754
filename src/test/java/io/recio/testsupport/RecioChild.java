package io.recio.testsupport;

import io.recio.RecioCli;
import io.recio.simulator.exchange.KalshiExchangeSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * recio as a child process of a test, launched as {@code ./recio} launches it but from the test class path, with
 * its output in a log file of its own; and the child's entry point, which can run recio's clock ahead of the
 * machine's so that a test world's hours pass on demand (see {@link AheadClock}).
 */
public final class RecioChild {

    /** The child's system property: how far its clock runs ahead of the machine's (ISO-8601 duration). */
    static final String CLOCK_AHEAD = "recio.test.clock-ahead";

    private final String command;
    private final Path directory;
    private final List<String> settings = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String maxHeap = "384m";
    private Duration clockAhead = Duration.ZERO;

    private RecioChild(String command, Path directory) {
        this.command = command;
        this.directory = directory;
        set("recio.data-dir", directory);
    }

    /**
     * {@code recio run} in live mode with its data in {@code directory}, the console on {@code port} and the simulator's
     * {@code keyId} account (its private key in {@code keyFile}) as the Kalshi account it trades.
     */
    public static RecioChild live(Path directory, int port, KalshiExchangeSimulator simulator, String keyId,
                                  Path keyFile) {
        return new RecioChild("run", directory)
                .set("recio.mode", "live")
                .set("recio.ports.main-app", port)
                .set("recio.ports.simulator-kalshi", 0)
                .set("recio.ports.simulator-coinbase", 0)
                .set("recio.kalshi.rest-url", simulator.restUrl())
                .set("recio.kalshi.ws-url", simulator.wsUrl())
                .set("recio.kalshi.key-id", keyId)
                .set("recio.kalshi.key-file", keyFile)
                .set("recio.trading.venue", "kalshi");
    }

    /** {@code recio demo} with its data in {@code directory} and its console and simulators on the given ports. */
    public static RecioChild demo(Path directory, int mainPort, int kalshiPort, int coinbasePort) {
        return new RecioChild("demo", directory)
                .set("recio.ports.main-app", mainPort)
                .set("recio.ports.simulator-kalshi", kalshiPort)
                .set("recio.ports.simulator-coinbase", coinbasePort);
    }

    /** A setting, passed as {@code --key=value} (it wins over every configuration source). */
    public RecioChild set(String key, Object value) {
        settings.add("--" + key + "=" + value);
        return this;
    }

    /** No Coinbase feed: prices come from the exchange's index (the fallback source) and are stale after 1 s. */
    public RecioChild withoutCoinbase() {
        return set("recio.feeds.coinbase-url", "ws://127.0.0.1:1/").set("recio.feeds.stale-after", "1s");
    }

    /** The password of the first master admin {@code admin}. */
    public RecioChild adminPassword(String password) {
        environment.put("RECIO_ADMIN_PASSWORD", password);
        return this;
    }

    /** A PostgreSQL database (JDBC URL) of {@link PostgresTestDatabase} instead of the embedded H2 file. */
    public RecioChild postgres(String database) {
        environment.put("RECIO_DB_URL", database);
        environment.put("RECIO_DB_USER", PostgresTestDatabase.USER);
        environment.put("RECIO_DB_PASSWORD", "");
        return this;
    }

    /** The child's heap limit ({@code -Xmx}), 384m unless set. */
    public RecioChild maxHeap(String size) {
        maxHeap = size;
        return this;
    }

    /** recio's clock runs this far ahead of the machine's, as the test world's {@link AheadClock} does now. */
    public RecioChild clockAhead(Duration ahead) {
        clockAhead = ahead;
        return this;
    }

    /** Starts the child with its output (standard and error) in {@code log}, with none of the test's RECIO_ variables. */
    public Process start(Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> line = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "-D" + CLOCK_AHEAD + "=" + clockAhead,
                RecioChild.class.getName(), command));
        line.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(line).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("RECIO_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** A port free now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child: recio's command line, with the clock {@value #CLOCK_AHEAD} ahead in place of the system's. */
    public static void main(String[] args) {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.parse(System.getProperty(CLOCK_AHEAD, "PT0S")));
        // a singleton registered before the configuration classes are read: recio's own clock bean backs off
        int code = SpringApplication.withHook(application -> new SpringApplicationRunListener() {
            @Override
            public void contextPrepared(ConfigurableApplicationContext context) {
                context.getBeanFactory().registerSingleton("testWorldClock", clock);
            }
        }, () -> RecioCli.execute(args));
        System.exit(code);
    }
}
