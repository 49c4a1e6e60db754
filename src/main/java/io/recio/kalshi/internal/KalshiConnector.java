package io.recio.kalshi.internal;

import io.recio.Mode;
import io.recio.RecioProperties;
import io.recio.kalshi.KalshiUnavailableException;
import io.recio.kalshi.client.CallStats;
import io.recio.kalshi.client.KalshiCredentials;
import io.recio.kalshi.client.KalshiParsers;
import io.recio.kalshi.client.KalshiRestClient;
import io.recio.kalshi.client.KalshiWebSocket;
import io.recio.kalshi.client.PemKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Where recio reaches Kalshi and with which key: from {@code recio.kalshi.*} in paper and live mode, from the
 * simulator's credentials file in demo mode (until the simulator has written it, every call fails and the
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
    private volatile Endpoint endpoint;
    private volatile KalshiRestClient rest;

    KalshiConnector(KalshiProperties properties, RecioProperties recio, Clock clock) {
        this.properties = properties;
        this.recio = recio;
        this.clock = clock;
        this.calls = new CallStats(properties.health().window());
        if (recio.mode() != Mode.DEMO) {
            if (properties.keyId() == null || properties.keyId().isBlank()) {
                throw new IllegalStateException("recio.kalshi.key-id is empty; " + recio.mode()
                        + " mode needs a Kalshi API key id (see docs/kalshi.md)");
            }
            if (properties.keyFile() == null || !Files.isReadable(properties.keyFile())) {
                throw new IllegalStateException("recio.kalshi.key-file '" + properties.keyFile()
                        + "' is not a readable PEM file; " + recio.mode() + " mode needs the API key's private key");
            }
        }
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
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
                endpoint = recio.mode() == Mode.DEMO ? demoCredentials()
                        : new Endpoint(properties.restUrl(), properties.wsUrl(),
                        KalshiCredentials.fromFile(properties.keyId(), properties.keyFile()));
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
