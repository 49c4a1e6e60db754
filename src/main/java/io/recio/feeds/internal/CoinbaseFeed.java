package io.recio.feeds.internal;

import io.recio.RecioProperties;
import io.recio.Mode;
import io.recio.feeds.internal.CoinbaseMessages.ErrorMessage;
import io.recio.feeds.internal.CoinbaseMessages.Heartbeat;
import io.recio.feeds.internal.CoinbaseMessages.MalformedFrameException;
import io.recio.feeds.internal.CoinbaseMessages.Message;
import io.recio.feeds.internal.CoinbaseMessages.Ticker;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The Coinbase Exchange WebSocket client (JDK {@link WebSocket}): subscribes to {@code ticker} and
 * {@code heartbeat} for the watched products right after connecting, feeds accepted prices into the
 * {@link SourceBoard}, and reconnects with exponential back-off and jitter when the connection closes, fails,
 * or goes silent for {@code stale-after}. Bad frames are counted and skipped; they never end the client.
 */
@Component
public class CoinbaseFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CoinbaseFeed.class);

    private final FeedsProperties properties;
    private final SourceBoard board;
    private final Watchdogs watchdogs;
    private final Clock clock;
    private final boolean autostart;
    private final URI url;
    private final CoinbaseMessages parser = new CoinbaseMessages();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Symbol, Long> referencePrices = new EnumMap<>(Symbol.class);
    private final Object lock = new Object();
    private volatile boolean running;
    private volatile Thread loop;
    private volatile Connection current;

    public CoinbaseFeed(FeedsProperties properties, RecioProperties recio, SourceBoard board, Watchdogs watchdogs,
                        Clock clock, @Value("${recio.services.autostart:true}") boolean autostart) {
        this.properties = properties;
        this.board = board;
        this.watchdogs = watchdogs;
        this.clock = clock;
        this.autostart = autostart;
        this.url = feedUrl(properties, recio);
    }

    /** The configured URL, else the built-in simulator in demo mode, else Coinbase's production feed. */
    static URI feedUrl(FeedsProperties properties, RecioProperties recio) {
        if (properties.coinbaseUrl() != null) {
            return properties.coinbaseUrl();
        }
        if (recio.mode() == Mode.DEMO) {
            return URI.create("ws://127.0.0.1:" + recio.ports().simulatorCoinbase() + "/");
        }
        return FeedsProperties.PRODUCTION_FEED;
    }

    /** The feed URL in use. */
    public URI url() {
        return url;
    }

    @Override
    public boolean isAutoStartup() {
        return autostart;
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            loop = Thread.ofVirtual().name("coinbase-feed").start(this::run);
        }
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (lock) {
            running = false;
            t = loop;
            loop = null;
        }
        Connection c = current;
        if (c != null) {
            c.socket.abort();
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void run() {
        int failures = 0;
        while (running) {
            boolean stale = false;
            boolean gotData = false;
            try {
                Connection c = connect();
                current = c;
                gotData = c.awaitEnd();
                stale = c.stale;
            } catch (InterruptedException e) {
                break;
            } catch (Exception e) {
                if (running) {
                    log.warn("Coinbase feed {}: {}", url, describe(e));
                }
            } finally {
                Connection c = current;
                current = null;
                if (c != null) {
                    c.socket.abort();
                    c.saveReferencePrices();
                }
            }
            if (!running) {
                break;
            }
            failures = gotData ? 0 : failures + 1;
            watchdogs.reconnect(stale);
            try {
                Thread.sleep(backOff(failures, properties.reconnectMin(), properties.reconnectMax()).toMillis());
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /**
     * Exponential back-off with "equal jitter": half the doubled delay fixed, half random, so that many clients
     * dropped at once do not come back in step. The first retry after a working connection waits about {@code min}.
     */
    static Duration backOff(int failures, Duration min, Duration max) {
        long base = min.toMillis() << Math.min(failures, 20);
        long capped = Math.min(Math.max(base, min.toMillis()), max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause != cause.getCause()) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private Connection connect() throws Exception {
        Connection connection = new Connection();
        WebSocket socket;
        try {
            socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(url, connection).get(15, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no WebSocket handshake within 15 s");
        }
        connection.socket = socket;
        List<String> products = properties.symbols().stream().map(Symbol::coinbaseProduct).toList();
        // Coinbase disconnects a client that has not subscribed within 5 seconds: subscribe at once.
        socket.sendText(CoinbaseMessages.subscribe(products), true).get(5, TimeUnit.SECONDS);
        log.info("Coinbase feed connected to {}, subscribed to ticker and heartbeat for {}", url, products);
        return connection;
    }

    /** One WebSocket connection: reassembles frames, judges messages, and watches for silence. */
    private final class Connection implements WebSocket.Listener {
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private final Map<String, Symbol> products = new HashMap<>();
        private final Map<Symbol, TradeFilter> filters = new EnumMap<>(Symbol.class);
        private volatile WebSocket socket;
        private volatile Instant lastMessageAt;
        private volatile boolean gotData;
        private volatile boolean stale;

        Connection() {
            for (Symbol symbol : properties.symbols()) {
                products.put(symbol.coinbaseProduct(), symbol);
                long reference;
                synchronized (referencePrices) {
                    reference = referencePrices.getOrDefault(symbol, -1L);
                }
                filters.put(symbol, new TradeFilter(properties.maxJumpPercent(), reference));
            }
            lastMessageAt = clock.instant();
        }

        void saveReferencePrices() {
            synchronized (referencePrices) {
                filters.forEach((symbol, filter) -> {
                    if (filter.lastPrice() > 0) {
                        referencePrices.put(symbol, filter.lastPrice());
                    }
                });
            }
        }

        /** Blocks until the connection ends or goes stale; returns whether it ever delivered prices. */
        boolean awaitEnd() throws InterruptedException {
            long checkMillis = Math.max(100, Math.min(1000, properties.staleAfter().toMillis() / 4));
            while (running) {
                try {
                    closed.get(checkMillis, TimeUnit.MILLISECONDS);
                    log.warn("Coinbase feed {} closed by the server", url);
                    return gotData;
                } catch (TimeoutException e) {
                    Duration silence = Duration.between(lastMessageAt, clock.instant());
                    if (silence.compareTo(properties.staleAfter()) > 0) {
                        stale = true;
                        log.warn("Coinbase feed {} silent for {} ms; reconnecting", url, silence.toMillis());
                        return gotData;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    log.warn("Coinbase feed {} failed: {}", url, describe(e));
                    return gotData;
                }
            }
            return gotData;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                handle(frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        private void handle(String frame) {
            Instant now = clock.instant();
            lastMessageAt = now;
            Message message;
            try {
                message = parser.parse(frame);
            } catch (MalformedFrameException e) {
                watchdogs.malformedFrame();
                log.debug("malformed Coinbase frame ({}): {}", e.getMessage(), abbreviate(frame));
                return;
            }
            switch (message) {
                case Ticker t -> ticker(t, now);
                case Heartbeat h -> heartbeat(h, now);
                case ErrorMessage e -> log.warn("Coinbase feed error: {} ({})", e.message(), e.reason());
                default -> {
                    // subscriptions and types this client does not use: liveness only
                }
            }
        }

        private void ticker(Ticker t, Instant now) {
            Symbol symbol = products.get(t.productId());
            if (symbol == null) {
                return;
            }
            TradeFilter filter = filters.get(symbol);
            TradeFilter.Verdict verdict = filter.ticker(t);
            reportMissed(symbol, filter);
            switch (verdict) {
                case ACCEPTED -> {
                    gotData = true;
                    board.coinbasePrice(symbol, new SpotPrice(t.priceUnits()), now);
                }
                case REJECTED_PRICE -> {
                    watchdogs.rejectedPrice(symbol);
                    log.warn("rejected {} price {} (last accepted {})", t.productId(), formatUnits(t.priceUnits()),
                            formatUnits(filter.lastPrice()));
                }
                case OUT_OF_ORDER -> watchdogs.outOfOrder(symbol);
            }
        }

        private void heartbeat(Heartbeat h, Instant now) {
            Symbol symbol = products.get(h.productId());
            if (symbol == null) {
                return;
            }
            TradeFilter filter = filters.get(symbol);
            filter.heartbeat(h);
            reportMissed(symbol, filter);
            board.coinbaseAlive(symbol, now);
        }

        private void reportMissed(Symbol symbol, TradeFilter filter) {
            long missed = filter.takeMissed();
            if (missed > 0) {
                watchdogs.missedTrades(symbol, missed);
            }
        }
    }

    private static String formatUnits(long units) {
        return units == -1 ? "none" : java.math.BigDecimal.valueOf(units, SpotPrice.SCALE).toPlainString();
    }

    private static String abbreviate(String frame) {
        return frame.length() <= 200 ? frame : frame.substring(0, 200) + "...";
    }
}
