package io.recio.simulator.exchange;

import io.recio.market.Money;
import io.recio.simulator.exchange.internal.Exchange;
import io.recio.simulator.exchange.internal.KalshiServer;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.simulator.prices.SimulatedPrices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in Kalshi exchange: Trade API v2 REST under {@code /trade-api/v2} and WebSocket at
 * {@code /trade-api/ws/v2} on one port, with hourly KXBTCD/KXETHD events, market makers, matching,
 * accounts, settlement and the Kalshi side of every fault switch ({@code /simulator/faults}).
 * Create it, {@link #start(String, int, boolean)} it, {@link #provisionAccount} keys, {@link #stop()} it.
 */
public final class KalshiExchangeSimulator {

    /** A provisioned API key: what a client needs to trade on the simulator. */
    public record Credentials(String keyId, String privateKeyPem, String restUrl, String wsUrl) {
    }

    private final Exchange exchange;
    private final KalshiServer server;
    private final KalshiSimulatorSettings settings;
    private ScheduledExecutorService ticker;

    /**
     * @param prices   the simulated index (makers quote from it, markets settle on its 60 s average)
     * @param faults   the shared fault switches (this simulator serves their Kalshi side)
     * @param clock    the exchange clock (lifecycle, timestamps, signature window)
     * @param settings listing and policing settings ({@link KalshiSimulatorSettings#defaults()})
     */
    public KalshiExchangeSimulator(SimulatedPrices prices, FaultSwitches faults, Clock clock,
                                   KalshiSimulatorSettings settings) {
        this.settings = settings;
        this.server = new KalshiServer(settings);
        this.exchange = new Exchange(prices, faults, clock, settings, server::publish);
        server.attach(exchange, faults);
    }

    /**
     * Binds {@code bindAddress:port} (0 = any free port), lists the current events and, when
     * {@code autoTick}, advances the exchange every 200 ms from then on.
     */
    public synchronized void start(String bindAddress, int port, boolean autoTick) {
        server.start(bindAddress, port);
        exchange.tick();
        if (autoTick) {
            ticker = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("kalshi-sim-tick").daemon().factory());
            ticker.scheduleAtFixedRate(this::safeTick, 200, 200, TimeUnit.MILLISECONDS);
        }
    }

    private void safeTick() {
        try {
            exchange.tick();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(KalshiExchangeSimulator.class).error("Simulated exchange tick failed", e);
        }
    }

    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        server.stop();
    }

    /**
     * Brings the exchange up to its clock: lists events, opens, closes, determines and settles markets,
     * re-quotes the makers and publishes the index (tests with a test clock call this after advancing it).
     */
    public void tick() {
        exchange.tick();
    }

    public int port() {
        return server.port();
    }

    /** e.g. {@code http://127.0.0.1:8090/trade-api/v2}. */
    public String restUrl() {
        return server.baseUrl() + "/trade-api/v2";
    }

    /** e.g. {@code ws://127.0.0.1:8090/trade-api/ws/v2}. */
    public String wsUrl() {
        return server.baseUrl().replaceFirst("^http", "ws") + "/trade-api/ws/v2";
    }

    /** Opens an account funded with the settings' starting balance and issues it an RSA key. */
    public Credentials provisionAccount() {
        return provisionAccount(settings.startingBalance());
    }

    /** Opens an account funded with {@code balance} on the crypto shard and issues it an RSA key. */
    public Credentials provisionAccount(Money balance) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK cannot generate RSA keys", e);
        }
        String keyId = UUID.randomUUID().toString();
        exchange.openAccount(keyId, pair.getPublic(), balance);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return new Credentials(keyId, pem, restUrl(), wsUrl());
    }

    /**
     * Keeps the members' state (accounts and their keys, orders, positions, fills, settlements) in
     * {@code <dataDir>/simulator/} from now on, after loading what is kept there; call before {@link #start}.
     * Each change is forced to disk before it is answered, so the world survives a crash as a real exchange does.
     */
    public void keepStateIn(Path dataDir) {
        exchange.keepIn(dataDir.resolve("simulator"));
    }

    /**
     * Writes the demo user's credential to {@code <dataDir>/simulator/demo-credentials.json}
     * ({@code key_id}, {@code private_key_pem}, {@code rest_url}, {@code ws_url}), readable by the owner only:
     * the key already written there when the exchange still knows its account (kept across restarts), else a
     * newly provisioned one.
     */
    public Credentials writeDemoCredentials(Path dataDir) {
        Path dir = dataDir.resolve("simulator");
        Path file = dir.resolve("demo-credentials.json");
        Credentials credentials = keptDemoCredentials(file).orElseGet(this::provisionAccount);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key_id", credentials.keyId());
        json.put("private_key_pem", credentials.privateKeyPem());
        json.put("rest_url", credentials.restUrl());
        json.put("ws_url", credentials.wsUrl());
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "demo-credentials", ".tmp");
            trySetOwnerOnly(temp);
            Files.writeString(temp, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json));
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo credential to " + file, e);
        }
        return credentials;
    }

    private java.util.Optional<Credentials> keptDemoCredentials(Path file) {
        if (!Files.isReadable(file)) {
            return java.util.Optional.empty();
        }
        try {
            tools.jackson.databind.JsonNode kept = JsonMapper.builder().build().readTree(Files.readString(file));
            String keyId = kept.path("key_id").asString();
            if (exchange.accountByKey(keyId).isEmpty()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Credentials(keyId, kept.path("private_key_pem").asString(), restUrl(),
                    wsUrl()));
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(KalshiExchangeSimulator.class)
                    .warn("the demo credential in {} is unreadable ({}); issuing a new one", file, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
    }

    /** Open WebSocket connections (for tests and health). */
    public int webSocketConnections() {
        return server.webSocketConnections();
    }
}
