package io.recio.kalshi.internal;

import io.recio.Mode;
import io.recio.RecioProperties;
import io.recio.SetupNeededException;
import io.recio.kalshi.KalshiUnavailableException;
import io.recio.kalshi.client.CallStats;
import io.recio.kalshi.client.KalshiCredentials;
import io.recio.kalshi.client.KalshiParsers;
import io.recio.kalshi.client.KalshiRestClient;
import io.recio.kalshi.client.KalshiWebSocket;
import io.recio.kalshi.client.PemKeys;
import io.recio.kalshi.internal.credentials.CredentialVault;
import io.recio.kalshi.internal.credentials.KalshiEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Where recio reaches Kalshi and with which key: in paper and live mode the key stored encrypted (in its environment)
 * or else the one configured in {@code recio.kalshi.*}; in demo mode the
 * simulator's credentials file (until the simulator has written it, every call fails and the
 * services that need Kalshi are started again by ops). Builds the REST client once and a WebSocket per service.
 */
@Component
public class KalshiConnector {

    private static final Logger log = LoggerFactory.getLogger(KalshiConnector.class);

    /** One environment: URLs and credentials. */
    public record Endpoint(URI restUrl, URI wsUrl, KalshiCredentials credentials) {
    }

    private final KalshiProperties properties;
    private final RecioProperties recio;
    private final Clock clock;
    private final HttpClient http;
    private final CallStats calls;
    private final Supplier<Optional<CredentialVault.Opened>> stored;
    private volatile Endpoint endpoint;
    private volatile KalshiRestClient rest;

    KalshiConnector(KalshiProperties properties, RecioProperties recio, Clock clock) {
        this(properties, recio, clock, Optional::empty);
    }

    /**
     * In paper and live mode a key must be stored ({@code recio credentials set}, the Credentials page) or
     * configured ({@code recio.kalshi.key-id} and {@code key-file}); without one start-up stops with what to do. Tool
     * commands (which start no services, {@code recio.services.autostart=false}) need none: one of them stores it.
     */
    @Autowired
    KalshiConnector(KalshiProperties properties, RecioProperties recio, Clock clock, CredentialVault vault,
                    @Value("${recio.services.autostart:true}") boolean autostart) {
        this(properties, recio, clock, vault::open);
        if (autostart && recio.mode() != Mode.DEMO && vault.summary().isEmpty()) {
            requireConfiguredKey(properties, recio.mode());
        }
    }

    private KalshiConnector(KalshiProperties properties, RecioProperties recio, Clock clock,
                            Supplier<Optional<CredentialVault.Opened>> stored) {
        this.properties = properties;
        this.recio = recio;
        this.clock = clock;
        this.stored = stored;
        this.calls = new CallStats(properties.health().window());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    private static void requireConfiguredKey(KalshiProperties properties, Mode mode) {
        String modeName = mode.name().toLowerCase(java.util.Locale.ROOT);
        if (properties.keyId() == null || properties.keyId().isBlank()) {
            throw new SetupNeededException(modeName + " mode needs a Kalshi API key, and none is stored or configured.",
                    "Store one with './recio credentials set --config <your recio.yml>' (it asks for the key id, the "
                            + "private key file and demo or production), or set recio.kalshi.key-id and "
                            + "recio.kalshi.key-file in recio.yml. Or try './recio demo', which needs no key.");
        }
        if (properties.keyFile() == null || !Files.isReadable(properties.keyFile())) {
            throw new SetupNeededException("recio.kalshi.key-file '" + properties.keyFile() + "' is not a readable PEM "
                    + "file; " + modeName + " mode needs the API key's private key.",
                    "Point recio.kalshi.key-file at the private key Kalshi gave you, or store the key with "
                            + "'./recio credentials set' instead.");
        }
    }

    /**
     * Forgets the endpoint and REST client so the next call reads the credentials again (a key stored or an
     * environment switched in the console); services holding a WebSocket must be restarted to reconnect.
     */
    public void reload() {
        synchronized (this) {
            endpoint = null;
            rest = null;
        }
        log.info("Kalshi credentials reloaded");
    }

    /** The demo simulator's credentials file. */
    public Path demoCredentialsFile() {
        return recio.dataDir().resolve("simulator").resolve("demo-credentials.json");
    }

    /** The environment; in demo mode a missing or half-written credentials file is {@link KalshiUnavailableException}. */
    public Endpoint endpoint() throws InterruptedException {
        Endpoint e = endpoint;
        if (e != null) {
            return e;
        }
        synchronized (this) {
            if (endpoint == null) {
                endpoint = recio.mode() == Mode.DEMO ? demoCredentials() : configuredCredentials();
                log.info("Kalshi endpoint: REST {}, WebSocket {}", endpoint.restUrl(), endpoint.wsUrl());
            }
            return endpoint;
        }
    }

    /** The endpoint if it is known already, without waiting for it. */
    public java.util.Optional<Endpoint> knownEndpoint() {
        return java.util.Optional.ofNullable(endpoint);
    }

    /** The REST client of {@link #endpoint()}. */
    public KalshiRestClient rest() throws InterruptedException {
        KalshiRestClient r = rest;
        if (r != null) {
            return r;
        }
        Endpoint e = endpoint();
        synchronized (this) {
            if (rest == null) {
                rest = new KalshiRestClient(new KalshiRestClient.Settings(e.restUrl(), properties.tier(),
                        properties.requestTimeout(), properties.orderTimeout(), properties.readAttempts(),
                        properties.retryBackoff()), e.credentials(), clock, http, calls);
            }
            return rest;
        }
    }

    /** A new (not yet started) WebSocket for one service. */
    public KalshiWebSocket webSocket(KalshiWebSocket.Handler handler) throws InterruptedException {
        Endpoint e = endpoint();
        return new KalshiWebSocket(new KalshiWebSocket.Settings(e.wsUrl(), properties.wsSilenceTimeout(),
                properties.wsPingInterval(), properties.wsMinBackoff(), properties.wsMaxBackoff()),
                e.credentials(), clock, http, handler);
    }

    /** Every REST call of {@link #rest()}: the venue's failure share and latency. */
    public CallStats calls() {
        return calls;
    }

    public KalshiProperties properties() {
        return properties;
    }

    /** The stored key in its environment, else the configured key file with the configured URLs. */
    private Endpoint configuredCredentials() {
        Optional<CredentialVault.Opened> key = stored.get();
        if (key.isPresent()) {
            KalshiEnvironment environment = key.get().environment();
            return new Endpoint(properties.environments().restUrl(environment),
                    properties.environments().wsUrl(environment), key.get().credentials());
        }
        if (properties.keyId() == null || properties.keyId().isBlank()) {
            throw new KalshiUnavailableException(0, "no_credentials", "no Kalshi API key is stored or configured "
                    + "(Credentials page, './recio credentials set', or recio.kalshi.key-id and key-file)", null, null);
        }
        return new Endpoint(properties.restUrl(), properties.wsUrl(),
                KalshiCredentials.fromFile(properties.keyId(), properties.keyFile()));
    }

    private Endpoint demoCredentials() {
        Path file = demoCredentialsFile();
        if (!Files.isRegularFile(file)) {
            throw new KalshiUnavailableException(0, "no_credentials", "the exchange simulator has not written " + file
                    + " yet (demo mode needs recio.simulator.enabled=true)", null, null);
        }
        try {
            return readDemoCredentials(file);
        } catch (IllegalArgumentException | IOException e) {
            // the simulator may be half-way through writing it; the next attempt reads it again
            throw new KalshiUnavailableException(0, "no_credentials", "the simulator's credentials file " + file
                    + " is unreadable: " + e.getMessage(), null, e);
        }
    }

    static Endpoint readDemoCredentials(Path file) throws IOException {
        JsonNode n = KalshiParsers.tree(Files.readString(file));
        for (String field : new String[] {"key_id", "private_key_pem", "rest_url", "ws_url"}) {
            if (!n.path(field).isString() || n.path(field).asString().isBlank()) {
                throw new IllegalArgumentException(file + " lacks '" + field + "'");
            }
        }
        return new Endpoint(URI.create(n.get("rest_url").asString()), URI.create(n.get("ws_url").asString()),
                new KalshiCredentials(n.get("key_id").asString(), PemKeys.parse(n.get("private_key_pem").asString())));
    }
}
