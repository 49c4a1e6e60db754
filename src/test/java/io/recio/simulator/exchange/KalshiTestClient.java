package io.recio.simulator.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small Kalshi client written for these tests from the reference (not recio's client): RSA-PSS
 * signing, JSON REST calls and a WebSocket that queues every text frame.
 */
final class KalshiTestClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A REST answer: status and parsed body. */
    record Reply(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String keyId;
    private final PrivateKey key;
    private final Clock clock;

    KalshiTestClient(String restUrl, KalshiExchangeSimulator.Credentials credentials, Clock clock) {
        this.base = restUrl.substring(0, restUrl.indexOf("/trade-api"));
        this.keyId = credentials == null ? null : credentials.keyId();
        this.key = credentials == null ? null : privateKey(credentials.privateKeyPem());
        this.clock = clock;
    }

    static PrivateKey privateKey(String pem) {
        try {
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (Exception e) {
            throw new IllegalArgumentException("bad PEM", e);
        }
    }

    static String sign(PrivateKey key, String message) {
        try {
            Signature signer = Signature.getInstance("RSASSA-PSS");
            signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            signer.initSign(key);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String[] authHeaders(String method, String path) {
        String timestamp = Long.toString(clock.millis());
        return new String[] {"KALSHI-ACCESS-KEY", keyId, "KALSHI-ACCESS-TIMESTAMP", timestamp,
                "KALSHI-ACCESS-SIGNATURE", sign(key, timestamp + method + path)};
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, Duration.ofSeconds(10));
    }

    Reply post(String path, Object body) {
        return send("POST", path, body instanceof String s ? s : JSON.writeValueAsString(body), Duration.ofSeconds(10));
    }

    Reply delete(String path, Object body) {
        return send("DELETE", path, body == null ? null : JSON.writeValueAsString(body), Duration.ofSeconds(10));
    }

    /** Sends a request; {@code pathAndQuery} is relative to /trade-api/v2 unless it starts with /simulator. */
    Reply send(String method, String pathAndQuery, String body, Duration timeout) {
        String full = pathAndQuery.startsWith("/simulator") ? pathAndQuery : "/trade-api/v2" + pathAndQuery;
        String path = full.contains("?") ? full.substring(0, full.indexOf('?')) : full;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + full)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null && !full.startsWith("/simulator")) {
            request.headers(authHeaders(method, path));
        }
        return exchange(request.build());
    }

    Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Reply(response.statusCode(), text.isEmpty() ? null : JSON.readTree(text));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder raw(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + "/trade-api/v2" + pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    /** A WebSocket connection that queues every JSON message it receives. */
    final class Ws implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final CompletableFuture<String> firstPing = new CompletableFuture<>();
        final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();

        Ws(String wsUrl) {
            WebSocket.Builder builder = http.newWebSocketBuilder();
            String[] headers = authHeaders("GET", "/trade-api/ws/v2");
            for (int i = 0; i < headers.length; i += 2) {
                builder.header(headers[i], headers[i + 1]);
            }
            this.socket = builder.buildAsync(URI.create(wsUrl), this).join();
        }

        void send(String json) {
            socket.sendText(json, true).join();
        }

        JsonNode next() {
            try {
                JsonNode message = messages.poll(10, TimeUnit.SECONDS);
                if (message == null) {
                    throw new AssertionError("no WebSocket message within 10 s");
                }
                return message;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The next message of {@code type}, skipping others. */
        JsonNode next(String type) {
            while (true) {
                JsonNode message = next();
                if (message.path("type").asString("").equals(type)) {
                    return message;
                }
            }
        }

        List<JsonNode> drain() {
            List<JsonNode> out = new java.util.ArrayList<>();
            messages.drainTo(out);
            return out;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            java.nio.ByteBuffer copy = message.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            firstPing.complete(new String(bytes, StandardCharsets.UTF_8));
            return WebSocket.Listener.super.onPing(webSocket, message);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        @Override
        public void close() {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            }
        }
    }

    Ws connect(String wsUrl) {
        return new Ws(wsUrl);
    }
}
