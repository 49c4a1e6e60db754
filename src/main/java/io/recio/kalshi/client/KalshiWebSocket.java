package io.recio.kalshi.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kalshi's WebSocket (reference §7) over the JDK client: auth headers on the upgrade, a command id counter,
 * subscriptions remembered and replayed after every reconnect (exponential back-off with jitter), our own pings,
 * per-sid seq tracking that reports gaps, and a silence watchdog: no message and no ping for
 * {@code silenceTimeout} means the connection is dead even if TCP says otherwise, so it is dropped and redone.
 */
public final class KalshiWebSocket implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KalshiWebSocket.class);

    /** Connection settings. */
    public record Settings(URI url, Duration silenceTimeout, Duration pingInterval, Duration minBackoff,
                           Duration maxBackoff) {
    }

    /** What the owner of the socket reacts to; called on one thread, in message order. */
    public interface Handler {
        void onMessage(WsMessage message);

        /** The seq of {@code sid} jumped: every book of that subscription is stale until its next snapshot. */
        void onGap(Subscription subscription, long sid, long expected, long got);

        /** A connection is up and the subscriptions are being replayed. */
        default void onConnected() {
        }

        /** The connection broke; books are stale until the replayed subscriptions deliver snapshots. */
        default void onDisconnected(String reason) {
        }
    }

    /** A subscription recio keeps across reconnects: its channels, markets (if any) and other params. */
    public static final class Subscription {
        private final List<String> channels;
        private final Set<String> marketTickers;
        private final Map<String, List<String>> listParams;
        private final Map<String, Long> sidByChannel = new ConcurrentHashMap<>();
        private volatile Set<String> sent = Set.of();

        private Subscription(List<String> channels, Set<String> marketTickers, Map<String, List<String>> listParams) {
            this.channels = List.copyOf(channels);
            this.marketTickers = marketTickers;
            this.listParams = Map.copyOf(listParams);
        }

        public List<String> channels() {
            return channels;
        }

        public synchronized Set<String> marketTickers() {
            return marketTickers == null ? Set.of() : Set.copyOf(marketTickers);
        }

        /** The sid of one of its channels on the current connection, or 0 before it is confirmed. */
        public long sid(String channel) {
            return sidByChannel.getOrDefault(channel, 0L);
        }
    }

    private final Settings settings;
    private final RequestSigner signer;
    private final HttpClient http;
    private final Handler handler;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Map<Long, Subscription> pendingById = new ConcurrentHashMap<>();
    private final Map<Long, Subscription> bySid = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastSeq = new ConcurrentHashMap<>();
    private final AtomicLong commandId = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final ReentrantLock sendLock = new ReentrantLock();
    private final ScheduledExecutorService timer;
    private volatile WebSocket socket;
    private volatile long lastActivityNanos;
    private volatile boolean closed;
    private volatile int failures;
    private volatile long connects;

    public KalshiWebSocket(Settings settings, KalshiCredentials credentials, Clock clock, HttpClient http,
                           Handler handler) {
        this.settings = settings;
        this.signer = new RequestSigner(credentials, clock);
        this.http = http;
        this.handler = handler;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("kalshi-ws-timer").factory());
    }

    /** Connects (and keeps reconnecting until {@link #close()}). */
    public void start() {
        timer.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
        timer.execute(this::connect);
    }

    /** Subscribes market channels for these tickers; remembered and replayed after a reconnect. */
    public Subscription subscribeMarkets(List<String> channels, Set<String> tickers) {
        Subscription s = new Subscription(channels, new LinkedHashSet<>(tickers), Map.of());
        subscriptions.add(s);
        sendSubscribe(s);
        return s;
    }

    /** Subscribes channels without a market filter (or with other list params such as {@code index_ids}). */
    public Subscription subscribe(List<String> channels, Map<String, List<String>> listParams) {
        Subscription s = new Subscription(channels, null, listParams);
        subscriptions.add(s);
        sendSubscribe(s);
        return s;
    }

    /** Adds markets to a market subscription. */
    public void addMarkets(Subscription s, Set<String> tickers) {
        synchronized (s) {
            s.marketTickers.addAll(tickers);
        }
        updateMarkets(s, tickers, "add_markets");
    }

    /** Removes markets from a market subscription. */
    public void removeMarkets(Subscription s, Set<String> tickers) {
        synchronized (s) {
            s.marketTickers.removeAll(tickers);
        }
        updateMarkets(s, tickers, "delete_markets");
    }

    /** Asks for fresh {@code orderbook_snapshot}s of these markets without changing the subscription. */
    public void requestSnapshots(Subscription s, Set<String> tickers) {
        long sid = s.sid("orderbook_delta");
        if (sid == 0 || tickers.isEmpty()) {
            return; // the (re)subscription will bring snapshots of everything
        }
        ObjectNode params = KalshiParsers.json().createObjectNode();
        params.putArray("sids").add(sid);
        ArrayNode markets = params.putArray("market_tickers");
        tickers.forEach(markets::add);
        params.put("action", "get_snapshot");
        send("update_subscription", params, null);
    }

    /** How many seq gaps were seen so far. */
    public long gaps() {
        return gaps.get();
    }

    /** How many connections were made so far (1 after the first connect). */
    public long connects() {
        return connects;
    }

    public boolean connected() {
        return socket != null;
    }

    /** Drops the current connection as if the network broke; it is redone with the usual back-off. */
    public void reconnect(String reason) {
        WebSocket ws = socket;
        if (ws != null) {
            disconnected(generation.get(), reason);
            ws.abort();
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.abort();
        }
        timer.shutdownNow();
    }

    // ---- connection --------------------------------------------------------------------------------------

    private void connect() {
        if (closed) {
            return;
        }
        long gen = generation.incrementAndGet();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        signer.headers("GET", settings.url().getPath()).forEach(builder::header);
        builder.buildAsync(settings.url(), new Listener(gen)).whenComplete((ws, error) -> {
            if (error != null) {
                log.warn("Kalshi WebSocket connect to {} failed: {}", settings.url(), rootMessage(error));
                handler.onDisconnected("connect failed: " + rootMessage(error));
                scheduleReconnect();
                return;
            }
            if (closed || gen != generation.get()) {
                ws.abort();
                return;
            }
            connects++;
            lastActivityNanos = System.nanoTime();
            bySid.clear();
            lastSeq.clear();
            pendingById.clear();
            socket = ws;
            log.info("Kalshi WebSocket connected to {} (connection {})", settings.url(), connects);
            handler.onConnected();
            subscriptions.forEach(this::sendSubscribe);
        });
    }

    private void disconnected(long gen, String reason) {
        if (gen != generation.get() || socket == null) {
            return;
        }
        socket = null;
        generation.incrementAndGet();
        log.warn("Kalshi WebSocket lost: {}", reason);
        handler.onDisconnected(reason);
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        int n = Math.min(failures++, 16);
        long max = settings.maxBackoff().toMillis();
        long base = Math.min(max, settings.minBackoff().toMillis() << n);
        long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Once a second: our ping, and the silence check. */
    private void watch() {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        // real elapsed time, not the injected clock: a test clock may jump an hour, the network does not
        long silent = (System.nanoTime() - lastActivityNanos) / 1_000_000;
        if (silent > settings.silenceTimeout().toMillis()) {
            reconnect("no message and no ping for " + silent + " ms");
            return;
        }
        if (silent > settings.pingInterval().toMillis()) {
            sendLock.lock();
            try {
                ws.sendPing(ByteBuffer.wrap("recio".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).join();
            } catch (RuntimeException e) {
                log.debug("Kalshi WebSocket ping failed: {}", rootMessage(e));
            } finally {
                sendLock.unlock();
            }
        }
    }

    // ---- commands ----------------------------------------------------------------------------------------

    private void sendSubscribe(Subscription s) {
        ObjectNode params = KalshiParsers.json().createObjectNode();
        ArrayNode channels = params.putArray("channels");
        s.channels.forEach(channels::add);
        if (s.marketTickers != null) {
            Set<String> tickers = s.marketTickers();
            if (tickers.isEmpty()) {
                return; // Kalshi requires markets for orderbook_delta; subscribed once markets are added
            }
            ArrayNode markets = params.putArray("market_tickers");
            tickers.forEach(markets::add);
            s.sent = tickers;
        }
        s.listParams.forEach((k, v) -> {
            ArrayNode values = params.putArray(k);
            v.forEach(values::add);
        });
        s.sidByChannel.clear();
        send("subscribe", params, s);
    }

    private void updateMarkets(Subscription s, Set<String> tickers, String action) {
        List<Long> sids = new ArrayList<>(s.sidByChannel.values());
        if (sids.isEmpty()) {
            if ("add_markets".equals(action) && s.sidByChannel.isEmpty() && socket != null
                    && !pendingById.containsValue(s)) {
                sendSubscribe(s);
            }
            return; // a pending or future subscribe carries the remembered markets
        }
        s.sent = s.marketTickers();
        for (long sid : sids) {
            ObjectNode params = KalshiParsers.json().createObjectNode();
            params.putArray("sids").add(sid);
            ArrayNode markets = params.putArray("market_tickers");
            tickers.forEach(markets::add);
            params.put("action", action);
            send("update_subscription", params, null);
        }
    }

    /** Markets added or removed while the subscribe was on its way. */
    private void catchUp(Subscription s) {
        if (s.marketTickers == null) {
            return;
        }
        Set<String> now = s.marketTickers();
        Set<String> missing = new LinkedHashSet<>(now);
        missing.removeAll(s.sent);
        Set<String> extra = new LinkedHashSet<>(s.sent);
        extra.removeAll(now);
        s.sent = now;
        if (!missing.isEmpty()) {
            updateMarkets(s, missing, "add_markets");
        }
        if (!extra.isEmpty()) {
            updateMarkets(s, extra, "delete_markets");
        }
    }

    private void send(String cmd, ObjectNode params, Subscription forSubscription) {
        WebSocket ws = socket;
        if (ws == null) {
            return; // replayed on the next connect
        }
        long id = commandId.incrementAndGet();
        if (forSubscription != null) {
            pendingById.put(id, forSubscription);
        }
        ObjectNode command = KalshiParsers.json().createObjectNode();
        command.put("id", id);
        command.put("cmd", cmd);
        command.set("params", params);
        sendLock.lock();
        try {
            ws.sendText(command.toString(), true).join();
        } catch (RuntimeException e) {
            log.debug("Kalshi WebSocket send failed: {}", rootMessage(e));
        } finally {
            sendLock.unlock();
        }
    }

    // ---- receiving ---------------------------------------------------------------------------------------

    private void received(String text) {
        lastActivityNanos = System.nanoTime();
        failures = 0;
        WsMessage message;
        try {
            message = KalshiParsers.wsMessage(text);
        } catch (KalshiFormatException e) {
            log.warn("Kalshi WebSocket message ignored: {}", e.getMessage());
            return;
        }
        switch (message) {
            case WsMessage.Subscribed s -> {
                Subscription sub = pendingById.get(s.id());
                if (sub != null) {
                    sub.sidByChannel.put(s.channel(), s.sid());
                    bySid.put(s.sid(), sub);
                    if (sub.sidByChannel.size() == sub.channels.size()) {
                        pendingById.remove(s.id());
                        catchUp(sub);
                    }
                }
            }
            case WsMessage.Error e -> {
                pendingById.remove(e.id());
                log.warn("Kalshi WebSocket command {} failed: code {} {}", e.id(), e.code(), e.message());
            }
            default -> {
            }
        }
        // ok answers to update_subscription consume a seq of their sid too (reference §7)
        if (message.seq() > 0 && message.sid() > 0 && !(message instanceof WsMessage.Unsubscribed)) {
            Long previous = lastSeq.put(message.sid(), message.seq());
            if (previous != null && message.seq() != previous + 1) {
                Subscription sub = bySid.get(message.sid());
                log.warn("Kalshi WebSocket seq gap on sid {}: expected {}, got {}", message.sid(), previous + 1,
                        message.seq());
                gaps.incrementAndGet();
                if (sub != null) {
                    handler.onGap(sub, message.sid(), previous + 1, message.seq());
                }
            }
        }
        handler.onMessage(message);
    }

    private final class Listener implements WebSocket.Listener {
        private final long gen;
        private final StringBuilder partial = new StringBuilder();

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (gen == generation.get()) {
                    try {
                        received(text);
                    } catch (RuntimeException e) {
                        log.error("Kalshi WebSocket handler failed on a message", e);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastActivityNanos = System.nanoTime();
            webSocket.request(1);
            return null; // the JDK answers the ping with a pong itself
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastActivityNanos = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            disconnected(gen, "closed by Kalshi (" + statusCode + " " + reason + ")");
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            disconnected(gen, "error: " + rootMessage(error));
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Seq bookkeeping for tests and health: the last seq seen per sid. */
    Map<Long, Long> lastSeqs() {
        return new HashMap<>(lastSeq);
    }
}
