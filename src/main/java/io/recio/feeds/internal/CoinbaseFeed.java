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
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Coinbase Exchange WebSocket client (JDK {@link WebSocket}), run by ops as the managed service
 * {@code coinbase_feed}: subscribes to {@code ticker} and {@code heartbeat} for the watched products right after
 * connecting, feeds accepted prices into the {@link SourceBoard}, and reconnects with exponential back-off and
 * jitter when the connection closes, fails, or goes silent for {@code stale-after}; each duty cycle looks at the
 * connection and connects when due. Bad frames are counted and skipped; they never end the client. Coinbase being
 * away is not a failure of recio (the price watchdogs fall back to Kalshi's index): the service is DEGRADED.
 */
@Component
public class CoinbaseFeed implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(CoinbaseFeed.class);

    private final FeedsProperties properties;
    private final SourceBoard board;
    private final Watchdogs watchdogs;
    private final Clock clock;
    private final URI url;
    private final List<ServiceName> dependencies;
    private final CoinbaseMessages parser = new CoinbaseMessages();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Symbol, Long> referencePrices = new EnumMap<>(Symbol.class);
    private volatile ServiceContext context;
    private volatile Connection current;
    private int failures;
    private Instant nextAttempt = Instant.MIN;

    public CoinbaseFeed(FeedsProperties properties, RecioProperties recio, SourceBoard board, Watchdogs watchdogs,
                        Clock clock, @Value("${recio.simulator.enabled:false}") boolean simulated) {
        this.properties = properties;
        this.board = board;
        this.watchdogs = watchdogs;
        this.clock = clock;
        this.url = feedUrl(properties, recio);
        // the built-in feed must listen before the client connects to it
        this.dependencies = simulated && properties.coinbaseUrl() == null ? List.of(ServiceName.SIMULATOR_COINBASE)
                : List.of();
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
    public ServiceName name() {
        return ServiceName.COINBASE_FEED;
    }

    @Override
    public List<ServiceName> dependencies() {
        return dependencies;
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        context.detail("url", url.toString());
        failures = 0;
        nextAttempt = Instant.MIN;
    }

    /** Often enough to notice a silent connection well within {@code stale-after} (at least 1 s). */
    @Override
    public Duration dutyCycle() {
        return Duration.ofMillis(250);
    }

    @Override
    public int doWork(Instant now) throws InterruptedException {
        Connection c = current;
        if (c != null) {
            Optional<String> ended = c.ended(now);
            if (ended.isEmpty()) {
                return 0;
            }
            current = null;
            c.socket.abort();
            c.saveReferencePrices();
            failures = c.gotData ? 0 : failures + 1;
            nextAttempt = now.plus(backOff(failures, properties.reconnectMin(), properties.reconnectMax()));
            watchdogs.reconnect(c.stale);
            log.warn("Coinbase feed {} {}; reconnecting at {}", url, ended.get(), nextAttempt);
            context.degraded("Coinbase feed " + ended.get() + "; reconnecting at " + nextAttempt);
            return 1;
        }
        if (now.isBefore(nextAttempt)) {
            return 0;
        }
        try {
            current = connect();
            context.healthy();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            failures++;
            nextAttempt = now.plus(backOff(failures, properties.reconnectMin(), properties.reconnectMax()));
            log.warn("Coinbase feed {}: {}", url, describe(e));
            context.degraded("cannot connect to " + url + ": " + describe(e) + "; next attempt at " + nextAttempt);
        }
        return 1;
    }

    @Override
    public void stop() {
        Connection c = current;
        current = null;
        if (c != null) {
            c.socket.abort();
            c.saveReferencePrices();
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

        /** Why the connection is over at {@code now} (closed, failed or silent too long), or empty while it lives. */
        Optional<String> ended(Instant now) {
            if (closed.isDone()) {
                try {
                    closed.join();
                    return Optional.of("closed by the server");
                } catch (RuntimeException e) {
                    return Optional.of("failed: " + describe(e));
                }
            }
            Duration silence = Duration.between(lastMessageAt, now);
            if (silence.compareTo(properties.staleAfter()) > 0) {
                stale = true;
                return Optional.of("silent for " + silence.toMillis() + " ms");
            }
            return Optional.empty();
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
