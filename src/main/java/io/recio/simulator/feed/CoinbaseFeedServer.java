package io.recio.simulator.feed;

import io.recio.market.Symbol;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.simulator.prices.SimulatedPrices;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Coinbase Exchange market-data feed ({@code wss://ws-feed.exchange.coinbase.com}) on a loopback port:
 * path {@code /}, {@code subscribe} within the subscribe timeout or be disconnected, {@code subscriptions}
 * replies listing every current subscription, the {@code ticker} channel (one message per simulated trade,
 * several a second, around the simulated index) and the {@code heartbeat} channel (one per product per
 * second) for BTC-USD and ETH-USD. Honours the fault switches {@code feedFrozen} (connected but silent)
 * and {@code DROP_WEBSOCKETS} for {@code COINBASE} (every connection closed).
 */
public final class CoinbaseFeedServer {

    /** The channels this feed serves. */
    static final Set<String> CHANNELS = Set.of("ticker", "heartbeat");
    /** Close code for a client that never subscribed (policy violation, as the real feed does). */
    private static final CloseReason.CloseCode NO_SUBSCRIBE = CloseReason.CloseCodes.VIOLATED_POLICY;

    private static final Logger log = LoggerFactory.getLogger(CoinbaseFeedServer.class);

    /**
     * @param host             the address to listen on
     * @param port             the port, 0 for any free one
     * @param subscribeTimeout how long a new client may take to send its first subscribe (Coinbase: 5 s)
     * @param seed             the seed of the trade tape (prices come from the model)
     */
    public record Settings(String host, int port, Duration subscribeTimeout, long seed) {
    }

    private final SimulatedPrices prices;
    private final FaultSwitches faults;
    private final Clock clock;
    private final Settings settings;
    private final FeedMessages messages = new FeedMessages(JsonMapper.builder().build());
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Map<String, FeedConnection> connections = new ConcurrentHashMap<>();
    private final Map<String, TradeTape> tapes = new LinkedHashMap<>();
    /** Times between trades (Poisson arrivals); used only on the scheduler thread. */
    private final SplittableRandom gaps;
    private Tomcat tomcat;
    private Path baseDir;
    private ScheduledExecutorService scheduler;
    private volatile int boundPort = -1;

    public CoinbaseFeedServer(SimulatedPrices prices, FaultSwitches faults, Clock clock, Settings settings) {
        this.prices = prices;
        this.faults = faults;
        this.clock = clock;
        this.settings = settings;
        this.gaps = new SplittableRandom(settings.seed() + 17);
        for (Symbol s : Symbol.values()) {
            tapes.put(s.coinbaseProduct(), new TradeTape(s, prices, settings.seed()));
        }
        faults.onAction(FaultSwitches.Venue.COINBASE, FaultSwitches.Action.DROP_WEBSOCKETS, a -> dropAll());
    }

    /** Binds the port and starts trading; throws when the port cannot be bound. */
    public synchronized void start() {
        if (tomcat != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-coinbase-feed");
            t.setDaemon(true);
            return t;
        });
        try {
            baseDir = Files.createTempDirectory("recio-simulator-coinbase");
            Tomcat server = new Tomcat();
            server.setBaseDir(baseDir.toString());
            Connector connector = new Connector();
            connector.setPort(settings.port());
            connector.setProperty("address", settings.host());
            // requests on virtual threads, as the console's: no pool of ten idle platform threads and their stacks
            connector.setProperty("useVirtualThreads", "true");
            connector.setThrowOnFailure(true);
            server.setConnector(connector);
            Context context = server.addContext("", baseDir.toString());
            context.addServletContainerInitializer(new WsSci(), null);
            // Tomcat runs filters (the WebSocket upgrade is one) only for a request mapped to a servlet.
            Tomcat.addServlet(context, "plain-http", new PlainHttpAnswer());
            context.addServletMappingDecoded("/", "plain-http");
            server.start();
            if (connector.getLocalPort() <= 0) {
                server.stop();
                server.destroy();
                throw new IllegalStateException("simulator_coinbase could not listen on " + settings.host() + ":"
                        + settings.port());
            }
            ServerContainer container = (ServerContainer) context.getServletContext()
                    .getAttribute(ServerContainer.class.getName());
            container.addEndpoint(ServerEndpointConfig.Builder.create(FeedEndpoint.class, "/")
                    .configurator(new ServerEndpointConfig.Configurator() {
                        @Override
                        public <T> T getEndpointInstance(Class<T> type) {
                            return type.cast(new FeedEndpoint());
                        }
                    }).build());
            tomcat = server;
            boundPort = connector.getLocalPort();
        } catch (IOException | LifecycleException | DeploymentException e) {
            scheduler.shutdownNow();
            throw new IllegalStateException("simulator_coinbase could not start on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        tapes.values().forEach(this::scheduleTrade);
        scheduler.scheduleAtFixedRate(this::heartbeats, 1_000, 1_000, TimeUnit.MILLISECONDS);
        log.info("simulator_coinbase: Coinbase Exchange feed on ws://{}:{}/", settings.host(), boundPort);
    }

    /** Closes every connection and the port. */
    public synchronized void stop() {
        if (tomcat == null) {
            return;
        }
        dropAll();
        scheduler.shutdownNow();
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            log.warn("simulator_coinbase did not stop cleanly: {}", e.getMessage());
        }
        tomcat = null;
        boundPort = -1;
        deleteBaseDir();
    }

    public synchronized boolean isRunning() {
        return tomcat != null;
    }

    /** The port listened on (the real one when configured as 0); -1 when stopped. */
    public int port() {
        return boundPort;
    }

    /** Connected clients now. */
    public int connectionCount() {
        return connections.size();
    }

    private void dropAll() {
        List<FeedConnection> all = new ArrayList<>(connections.values());
        all.forEach(c -> c.close(CloseReason.CloseCodes.GOING_AWAY, "connection dropped"));
        connections.clear();
    }

    private void scheduleTrade(TradeTape tape) {
        double meanGapMillis = 1_000 / tape.tradesPerSecond();
        long gap = Math.clamp((long) (-Math.log(1 - gaps.nextDouble()) * meanGapMillis), 20, 2_000);
        scheduler.schedule(() -> {
            try {
                String ticker = messages.ticker(tape.trade(clock.instant()));
                broadcast("ticker", tape.productId(), ticker);
            } catch (RuntimeException e) {
                log.warn("simulator_coinbase: trade on {} failed: {}", tape.productId(), e.toString());
            } finally {
                scheduleTrade(tape);
            }
        }, gap, TimeUnit.MILLISECONDS);
    }

    private void heartbeats() {
        try {
            for (TradeTape tape : tapes.values()) {
                broadcast("heartbeat", tape.productId(), messages.heartbeat(tape.heartbeat(clock.instant())));
            }
        } catch (RuntimeException e) {
            log.warn("simulator_coinbase: heartbeat failed: {}", e.toString());
        }
    }

    private void broadcast(String channel, String productId, String text) {
        if (faults.feedFrozen()) {
            return;
        }
        for (FeedConnection c : connections.values()) {
            c.sendIfSubscribed(channel, productId, text);
        }
    }

    /** Sends to one client unless the feed is frozen (a frozen feed answers nothing at all). */
    private void reply(FeedConnection c, String text) {
        if (!faults.feedFrozen()) {
            c.send(text);
        }
    }

    void handle(FeedConnection c, String text) {
        JsonNode message;
        try {
            message = mapper.readTree(text);
        } catch (JacksonException e) {
            reply(c, messages.error("Failed to parse message", "the message is not JSON"));
            return;
        }
        String type = message.isObject() && message.get("type") != null ? message.get("type").asString("") : "";
        if (!type.equals("subscribe") && !type.equals("unsubscribe")) {
            reply(c, messages.error("Failed to process message",
                    type.isEmpty() ? "a message needs a type" : "type '" + type + "' is not subscribe or unsubscribe"));
            return;
        }
        Map<String, Set<String>> request;
        try {
            request = channels(message, type.equals("subscribe"));
        } catch (IllegalArgumentException e) {
            reply(c, messages.error("Failed to " + type, e.getMessage()));
            return;
        }
        // Under the connection's lock, so the subscriptions reply goes out before the first message it enables.
        synchronized (c) {
            Map<String, Set<String>> now = type.equals("subscribe") ? c.subscribe(request) : c.unsubscribe(request);
            reply(c, messages.subscriptions(now));
        }
    }

    /** The channel → products of a (un)subscribe: root product_ids apply to every channel named. */
    private static Map<String, Set<String>> channels(JsonNode message, boolean subscribe) {
        List<String> root = productIds(message.get("product_ids"));
        JsonNode channels = message.get("channels");
        if (channels == null || !channels.isArray() || channels.isEmpty()) {
            throw new IllegalArgumentException("channels must be a non-empty list");
        }
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (JsonNode ch : channels) {
            String name;
            List<String> own;
            if (ch.isString()) {
                name = ch.asString();
                own = List.of();
            } else if (ch.isObject() && ch.get("name") != null && ch.get("name").isString()) {
                name = ch.get("name").asString();
                own = productIds(ch.get("product_ids"));
            } else {
                throw new IllegalArgumentException("a channel is a name or an object with a name and product_ids");
            }
            if (!CHANNELS.contains(name)) {
                throw new IllegalArgumentException(name + " is not a valid channel");
            }
            Set<String> products = new LinkedHashSet<>(root);
            products.addAll(own);
            if (subscribe && products.isEmpty()) {
                throw new IllegalArgumentException("no product_ids for channel " + name);
            }
            result.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(products);
        }
        return result;
    }

    private static List<String> productIds(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("product_ids must be a list");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : node) {
            String product = id.isString() ? id.asString() : String.valueOf(id);
            boolean known = false;
            for (Symbol s : Symbol.values()) {
                known |= s.coinbaseProduct().equals(product);
            }
            if (!known) {
                throw new IllegalArgumentException(product + " is not a valid product");
            }
            ids.add(product);
        }
        return ids;
    }

    private void deleteBaseDir() {
        try (var files = Files.walk(baseDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.debug("could not remove {}: {}", baseDir, e.getMessage());
        }
    }

    /** What a plain HTTP request (not a WebSocket upgrade) gets: a short explanation. */
    private static final class PlainHttpAnswer extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(400);
            response.setContentType("text/plain");
            response.getWriter().write("recio's simulated Coinbase Exchange feed: connect with a WebSocket to /\n");
        }
    }

    /** The WebSocket endpoint at "/", one instance per connection. */
    final class FeedEndpoint extends Endpoint {
        private FeedConnection connection;

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            connection = new FeedConnection(session);
            connections.put(connection.id(), connection);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> handle(connection, text));
            FeedConnection c = connection;
            scheduler.schedule(() -> {
                if (!c.subscribeReceived()) {
                    connections.remove(c.id());
                    c.close(NO_SUBSCRIBE, "no subscribe message within " + settings.subscribeTimeout().toMillis() + " ms");
                }
            }, settings.subscribeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            connections.remove(session.getId());
        }

        @Override
        public void onError(Session session, Throwable error) {
            log.debug("simulator_coinbase: connection {} failed: {}", session.getId(), error.toString());
        }
    }
}
