package io.recio.feeds.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small Coinbase-Exchange-like WebSocket feed for tests, written from {@code reference/coinbase-ws.md}: an
 * RFC 6455 server on a random loopback port that waits for the subscribe, answers with {@code subscriptions},
 * then sends a {@code ticker} and a {@code heartbeat} per product every {@code periodMillis}. Faults: freeze
 * (stay connected, send nothing), drop every connection, send any raw frame.
 */
public final class FakeCoinbaseFeed implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> pricesCents = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(1000);
    private final Map<String, AtomicLong> tradeIds = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> subscribes = new CopyOnWriteArrayList<>();
    private final long periodMillis;
    private volatile boolean frozen;
    private volatile boolean closed;

    private final class Client {
        final Socket socket;
        final OutputStream out;
        volatile boolean subscribed;

        Client(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        synchronized void send(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x81);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length < 65536) {
                frame.write(126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xff);
            } else {
                frame.write(127);
                for (int i = 7; i >= 0; i--) {
                    frame.write((int) ((long) payload.length >>> (8 * i)) & 0xff);
                }
            }
            frame.write(payload);
            out.write(frame.toByteArray());
            out.flush();
        }
    }

    /** Starts the feed with BTC-USD and ETH-USD at the given prices in cents. */
    public FakeCoinbaseFeed(long btcCents, long ethCents, long periodMillis) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.periodMillis = periodMillis;
        pricesCents.put("BTC-USD", new AtomicLong(btcCents));
        pricesCents.put("ETH-USD", new AtomicLong(ethCents));
        tradeIds.put("BTC-USD", new AtomicLong(1));
        tradeIds.put("ETH-USD", new AtomicLong(1));
        Thread.ofVirtual().name("fake-coinbase-accept").start(this::accept);
        Thread.ofVirtual().name("fake-coinbase-ticks").start(this::tick);
    }

    public URI url() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** The subscribe requests received, in order. */
    public List<String> subscribes() {
        return List.copyOf(subscribes);
    }

    /** Sets the price the next tickers of {@code productId} trade at. */
    public void price(String productId, long cents) {
        pricesCents.get(productId).set(cents);
    }

    /** A silent stall: connections stay open, nothing is sent. */
    public void freeze(boolean on) {
        frozen = on;
    }

    /** Closes every connection abruptly (no close frame), as a network drop would. */
    public void dropAll() {
        for (Client c : clients) {
            try {
                c.socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        clients.clear();
    }

    /** Sends a raw text frame to every subscribed client. */
    public void sendRaw(String text) {
        for (Client c : clients) {
            if (c.subscribed) {
                try {
                    c.send(text);
                } catch (IOException e) {
                    clients.remove(c);
                }
            }
        }
    }

    /** The next trade id {@code productId} will use (to build frames that continue or break the series). */
    public long nextTradeId(String productId) {
        return tradeIds.get(productId).get();
    }

    /** A ticker frame for {@code productId} with the next trade id and sequence. */
    public String tickerFrame(String productId, String price) {
        return "{\"type\":\"ticker\",\"sequence\":" + sequence.incrementAndGet() + ",\"product_id\":\"" + productId
                + "\",\"price\":\"" + price + "\",\"side\":\"buy\",\"time\":\"" + java.time.Instant.now()
                + "\",\"trade_id\":" + tradeIds.get(productId).getAndIncrement() + ",\"last_size\":\"0.01\"}";
    }

    private void tick() {
        while (!closed) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (frozen) {
                continue;
            }
            for (Map.Entry<String, AtomicLong> product : pricesCents.entrySet()) {
                String id = product.getKey();
                long cents = product.getValue().get();
                String price = String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
                sendRaw(tickerFrame(id, price));
                sendRaw("{\"type\":\"heartbeat\",\"sequence\":" + sequence.incrementAndGet() + ",\"last_trade_id\":"
                        + (tradeIds.get(id).get() - 1) + ",\"product_id\":\"" + id + "\",\"time\":\""
                        + java.time.Instant.now() + "\"}");
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String key = null;
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) {
                    key = line.substring(colon + 1).trim();
                }
            }
            if (key == null) {
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            connections.incrementAndGet();
            Client client = new Client(socket);
            clients.add(client);
            while (!closed) {
                String text = readFrame(in, client);
                if (text == null) {
                    break;
                }
                if (text.contains("\"subscribe\"")) {
                    subscribes.add(text);
                    client.subscribed = true;
                    client.send("{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"ticker\",\"product_ids\":"
                            + "[\"BTC-USD\",\"ETH-USD\"],\"account_ids\":null},{\"name\":\"heartbeat\","
                            + "\"product_ids\":[\"BTC-USD\",\"ETH-USD\"]}]}");
                }
            }
            clients.remove(client);
        } catch (IOException e) {
            // connection gone; the client reconnects
        }
    }

    /** Reads one (possibly fragmented) client message; null on close. Answers pings. */
    private static String readFrame(InputStream in, Client client) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                return null;
            }
            int opcode = b0 & 0x0f;
            long length = b1 & 0x7f;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | in.read();
                }
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
            byte[] payload = in.readNBytes((int) length);
            if (mask != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
            }
            if (opcode == 0x8) {
                return null;
            }
            if (opcode == 0x9) {
                synchronized (client) {
                    client.out.write(new byte[] {(byte) 0x8a, 0});
                    client.out.flush();
                }
                continue;
            }
            message.write(payload);
            if ((b0 & 0x80) != 0) {
                return message.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int n = line.length();
                return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        dropAll();
        server.close();
    }
}
