package io.recio.kalshi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection that stays open but goes silent (no message, no ping, no pong) is dropped and redone: the server here
 * completes the WebSocket handshake over a real socket and then never sends a byte.
 */
class KalshiWebSocketSilenceTest {

    private final ServerSocket server = newServer();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final List<String> authHeaders = new CopyOnWriteArrayList<>();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private KalshiWebSocket socket;

    private static ServerSocket newServer() {
        try {
            return new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void serveSilently() {
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.add(s);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    String key = null;
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                            key = line.substring(line.indexOf(':') + 1).trim();
                        }
                        if (line.toLowerCase().startsWith("kalshi-access-key:")) {
                            authHeaders.add(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                    String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                            (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    handshakes.incrementAndGet();
                } catch (Exception e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        if (socket != null) {
            socket.close();
        }
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void silentConnectionIsDroppedAndRedoneWithTheSubscriptionsReplayed() throws Exception {
        serveSilently();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KalshiCredentials credentials = new KalshiCredentials("silence-key", generator.generateKeyPair().getPrivate());
        socket = new KalshiWebSocket(new KalshiWebSocket.Settings(
                URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/trade-api/ws/v2"), Duration.ofMillis(1500),
                Duration.ofSeconds(60), Duration.ofMillis(50), Duration.ofMillis(200)), credentials, Clock.systemUTC(),
                HttpClient.newHttpClient(), new KalshiWebSocket.Handler() {
                    @Override
                    public void onMessage(WsMessage message) {
                    }

                    @Override
                    public void onGap(KalshiWebSocket.Subscription subscription, long sid, long expected, long got) {
                    }
                });
        socket.subscribe(List.of("fill"), Map.of());

        socket.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> socket.connects() >= 2 && handshakes.get() >= 2);
        assertThat(authHeaders).hasSizeGreaterThanOrEqualTo(2).allMatch("silence-key"::equals);
    }
}
