package io.recio.simulator.exchange.internal;

import static io.recio.simulator.exchange.internal.Json.obj;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The simulated exchange's WebSocket API ({@code /trade-api/ws/v2}): commands, subscriptions with
 * per-sid seq numbers, and one dispatcher thread that sends every message in the order the exchange
 * produced it (so an order book rebuilt from snapshot + deltas matches the REST book).
 */
public final class WsHub {

    private static final Logger log = LoggerFactory.getLogger(WsHub.class);
    public static final String PATH = "/trade-api/ws/v2";
    /** Channels this exchange serves; market filters apply to the first five. */
    private static final Set<String> CHANNELS = Set.of("orderbook_delta", "ticker", "trade", "fill", "user_orders",
            "market_positions", "market_lifecycle_v2", "cfbenchmarks_value");
    private static final Set<String> PRIVATE = Set.of("fill", "user_orders", "market_positions");
    private static final Set<String> WITH_SEQ = Set.of("orderbook_delta", "cfbenchmarks_value");
    static final String ACCOUNT_PROPERTY = "recio.simulator.account";

    /** One subscription of one connection. */
    private static final class Subscription {
        final int sid;
        final String channel;
        /** null = all markets. */
        Set<String> tickers;
        Set<String> indexIds;
        final Set<String> snapshotted = new HashSet<>();
        long seq;

        Subscription(int sid, String channel) {
            this.sid = sid;
            this.channel = channel;
        }
    }

    /** One connection. */
    private static final class Connection {
        final Session session;
        final SimAccount account;
        final Map<Integer, Subscription> subscriptions = new ConcurrentHashMap<>();
        int nextSid = 1;

        Connection(Session session, SimAccount account) {
            this.session = session;
            this.account = account;
        }
    }

    /** A message meant for one connection only (command answers, snapshots). */
    private record Directed(Connection connection, Map<String, Object> message, Subscription snapshotFor,
                            String snapshotTicker) {
    }

    private final Exchange exchange;
    private final Map<Session, Connection> connections = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("kalshi-sim-ws-ping").daemon().factory());
    private final Thread dispatcher;
    private volatile boolean skipSeq;
    private volatile boolean running = true;

    public WsHub(Exchange exchange) {
        this.exchange = exchange;
        this.dispatcher = Thread.ofPlatform().name("kalshi-sim-ws-dispatch").daemon().start(this::dispatchLoop);
        pinger.scheduleAtFixedRate(this::pingAll, 10, 10, TimeUnit.SECONDS);
    }

    /** Where the exchange hands its messages (called under the exchange lock). */
    public void publish(Object message) {
        queue.add(message);
    }

    /** Closes every connection (the {@code DROP_WEBSOCKETS} fault). */
    public void dropAll() {
        for (Connection connection : connections.values()) {
            try {
                connection.session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "connection reset"));
            } catch (IOException e) {
                log.debug("Closing a dropped WebSocket failed", e);
            }
        }
    }

    /** The next seq-carrying message of every subscription skips one number (the {@code SKIP_SEQ} fault). */
    public void skipOneSeq() {
        skipSeq = true;
    }

    public int connectionCount() {
        return connections.size();
    }

    public void stop() {
        running = false;
        dispatcher.interrupt();
        pinger.shutdownNow();
        dropAll();
    }

    /** The JSR-356 endpoint instance for one connection. */
    public Endpoint endpoint() {
        return new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                SimAccount account = (SimAccount) config.getUserProperties().get(ACCOUNT_PROPERTY);
                Connection connection = new Connection(session, account);
                connections.put(session, connection);
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> onCommand(connection, text));
            }

            @Override
            public void onClose(Session session, CloseReason reason) {
                connections.remove(session);
            }

            @Override
            public void onError(Session session, Throwable error) {
                connections.remove(session);
            }
        };
    }

    private void pingAll() {
        for (Connection connection : connections.values()) {
            try {
                synchronized (connection) {
                    connection.session.getBasicRemote().sendPing(
                            ByteBuffer.wrap("heartbeat".getBytes(StandardCharsets.US_ASCII)));
                }
            } catch (IOException | RuntimeException e) {
                log.debug("Ping failed; the connection is going", e);
            }
        }
    }

    // ---------------------------------------------------------------- commands

    private void onCommand(Connection connection, String text) {
        JsonNode command;
        try {
            command = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            error(connection, 0, 1, "Unable to process message");
            return;
        }
        if (!command.isObject()) {
            error(connection, 0, 1, "Unable to process message");
            return;
        }
        long id = command.path("id").asLong(0);
        String cmd = command.path("cmd").asString("");
        JsonNode params = command.get("params");
        switch (cmd) {
            case "subscribe" -> subscribe(connection, id, params);
            case "unsubscribe" -> unsubscribe(connection, id, params);
            case "update_subscription" -> update(connection, id, params);
            case "list_subscriptions" -> {
                List<Map<String, Object>> list = connection.subscriptions.values().stream()
                        .map(s -> obj("channel", s.channel, "sid", s.sid)).toList();
                direct(connection, obj("id", id, "type", "ok", "msg", list));
            }
            default -> error(connection, id, 5, "Unknown command");
        }
    }

    private void subscribe(Connection connection, long id, JsonNode params) {
        if (params == null || !params.isObject()) {
            error(connection, id, 2, "Params required");
            return;
        }
        JsonNode channels = params.get("channels");
        if (channels == null || !channels.isArray() || channels.isEmpty()) {
            error(connection, id, 3, "Channels required");
            return;
        }
        Set<String> tickers = tickers(params);
        for (JsonNode channelNode : channels) {
            String channel = channelNode.asString("");
            if (!CHANNELS.contains(channel)) {
                error(connection, id, 8, "Unknown channel name");
                continue;
            }
            if (channel.equals("orderbook_delta") && (tickers == null || tickers.isEmpty())) {
                error(connection, id, 14, "Market ticker required");
                continue;
            }
            Set<String> indexIds = null;
            if (channel.equals("cfbenchmarks_value")) {
                indexIds = strings(params.get("index_ids"));
                if (indexIds == null || indexIds.isEmpty()) {
                    error(connection, id, 24, "Index IDs required");
                    continue;
                }
            }
            if (tickers != null) {
                String missing = missingMarket(tickers);
                if (missing != null) {
                    direct(connection, obj("id", id, "type", "error", "msg",
                            obj("code", 16, "msg", "Market not found", "market_ticker", missing)));
                    continue;
                }
            }
            boolean already = connection.subscriptions.values().stream().anyMatch(s -> s.channel.equals(channel)
                    && (s.tickers == null || (tickers != null && s.tickers.containsAll(tickers))));
            if (already) {
                error(connection, id, 6, "Already subscribed");
                continue;
            }
            Subscription subscription;
            synchronized (connection) {
                subscription = new Subscription(connection.nextSid++, channel);
            }
            subscription.tickers = tickers == null || channel.equals("market_lifecycle_v2") ? null
                    : ConcurrentHashMap.newKeySet();
            if (subscription.tickers != null) {
                subscription.tickers.addAll(tickers);
            }
            subscription.indexIds = indexIds;
            Set<String> finalTickers = tickers;
            exchange.atomically(() -> {
                connection.subscriptions.put(subscription.sid, subscription);
                publish(new Directed(connection, obj("id", id, "type", "subscribed",
                        "msg", obj("channel", channel, "sid", subscription.sid)), null, null));
                if (channel.equals("orderbook_delta")) {
                    for (String ticker : finalTickers) {
                        enqueueSnapshot(connection, subscription, ticker);
                    }
                }
            });
        }
    }

    private void enqueueSnapshot(Connection connection, Subscription subscription, String ticker) {
        Map<String, Object> body = exchange.snapshotMessage(ticker);
        if (body != null) {
            publish(new Directed(connection, obj("type", "orderbook_snapshot", "sid", subscription.sid, "msg", body),
                    subscription, ticker));
        }
    }

    private void unsubscribe(Connection connection, long id, JsonNode params) {
        Set<Integer> sids = sids(params);
        if (sids == null || sids.isEmpty()) {
            error(connection, id, 4, "Sids required");
            return;
        }
        for (int sid : sids) {
            Subscription removed = connection.subscriptions.remove(sid);
            if (removed == null) {
                error(connection, id, 7, "Unknown subscription ID");
            } else {
                direct(connection, obj("id", id, "sid", sid, "seq", removed.seq + 1, "type", "unsubscribed"));
            }
        }
    }

    private void update(Connection connection, long id, JsonNode params) {
        if (params == null || !params.isObject()) {
            error(connection, id, 2, "Params required");
            return;
        }
        Set<Integer> sids = sids(params);
        if (sids == null || sids.size() != 1) {
            error(connection, id, 12, "Exactly one subscription ID is required");
            return;
        }
        Subscription subscription = connection.subscriptions.get(sids.iterator().next());
        if (subscription == null) {
            error(connection, id, 7, "Unknown subscription ID");
            return;
        }
        String action = params.path("action").asString("");
        if (action.isEmpty()) {
            error(connection, id, 15, "Action required");
            return;
        }
        Set<String> tickers = tickers(params);
        if (tickers == null || tickers.isEmpty()) {
            error(connection, id, 14, "Market ticker required");
            return;
        }
        String missing = missingMarket(tickers);
        if (missing != null) {
            direct(connection, obj("id", id, "type", "error", "msg",
                    obj("code", 16, "msg", "Market not found", "market_ticker", missing)));
            return;
        }
        if (subscription.tickers == null) {
            error(connection, id, 13, "Unsupported action for a subscription to all markets");
            return;
        }
        switch (action) {
            case "add_markets" -> exchange.atomically(() -> {
                subscription.tickers.addAll(tickers);
                publish(new Directed(connection, okMessage(id, subscription), subscription, null));
                if (subscription.channel.equals("orderbook_delta")) {
                    tickers.forEach(t -> enqueueSnapshot(connection, subscription, t));
                }
            });
            case "delete_markets" -> exchange.atomically(() -> {
                subscription.tickers.removeAll(tickers);
                publish(new Directed(connection, okMessage(id, subscription), subscription, null));
            });
            case "get_snapshot" -> {
                if (!subscription.channel.equals("orderbook_delta")) {
                    error(connection, id, 13, "get_snapshot is for orderbook_delta subscriptions");
                    return;
                }
                exchange.atomically(() -> tickers.forEach(t -> enqueueSnapshot(connection, subscription, t)));
            }
            default -> error(connection, id, 13, "Unsupported action");
        }
    }

    private static Map<String, Object> okMessage(long id, Subscription subscription) {
        return obj("id", id, "sid", subscription.sid, "type", "ok",
                "msg", obj("market_tickers", List.copyOf(subscription.tickers)));
    }

    private String missingMarket(Set<String> tickers) {
        for (String ticker : tickers) {
            if (exchange.snapshotMessage(ticker) == null) {
                return ticker;
            }
        }
        return null;
    }

    private static Set<String> tickers(JsonNode params) {
        Set<String> tickers = new java.util.LinkedHashSet<>();
        if (params.hasNonNull("market_ticker")) {
            tickers.add(params.get("market_ticker").asString());
        }
        Set<String> many = strings(params.get("market_tickers"));
        if (many != null) {
            tickers.addAll(many);
        }
        return params.has("market_ticker") || params.has("market_tickers") ? tickers : null;
    }

    private static Set<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        Set<String> out = new java.util.LinkedHashSet<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static Set<Integer> sids(JsonNode params) {
        if (params == null) {
            return null;
        }
        Set<Integer> sids = new java.util.LinkedHashSet<>();
        if (params.has("sid")) {
            sids.add(params.get("sid").asInt());
        }
        if (params.has("sids") && params.get("sids").isArray()) {
            params.get("sids").forEach(n -> sids.add(n.asInt()));
        }
        return sids;
    }

    private void error(Connection connection, long id, int code, String message) {
        direct(connection, obj("id", id, "type", "error", "msg", obj("code", code, "msg", message)));
    }

    private void direct(Connection connection, Map<String, Object> message) {
        publish(new Directed(connection, message, null, null));
    }

    // ---------------------------------------------------------------- dispatch

    private void dispatchLoop() {
        while (running) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (item instanceof Directed directed) {
                    deliver(directed);
                } else if (item instanceof Outbound outbound) {
                    fanOut(outbound);
                }
            } catch (RuntimeException e) {
                log.warn("Dispatching a simulated Kalshi message failed", e);
            }
        }
    }

    private void deliver(Directed directed) {
        Map<String, Object> message = directed.message();
        Subscription subscription = directed.snapshotFor();
        if (subscription != null && !directed.connection().subscriptions.containsKey(subscription.sid)) {
            return;
        }
        if (subscription != null) {
            if (directed.snapshotTicker() != null) {
                subscription.snapshotted.add(directed.snapshotTicker());
            }
            message = withSeq(subscription, message);
        }
        send(directed.connection(), message);
    }

    private Map<String, Object> withSeq(Subscription subscription, Map<String, Object> message) {
        if (skipSeq) {
            skipSeq = false;
            subscription.seq++;
        }
        subscription.seq++;
        Map<String, Object> out = new LinkedHashMap<>();
        message.forEach((k, v) -> {
            out.put(k, v);
            if (k.equals("sid")) {
                out.put("seq", subscription.seq);
            }
        });
        return out;
    }

    private void fanOut(Outbound outbound) {
        for (Connection connection : new ArrayList<>(connections.values())) {
            for (Subscription subscription : connection.subscriptions.values()) {
                if (!subscription.channel.equals(outbound.channel())) {
                    continue;
                }
                if (PRIVATE.contains(outbound.channel())
                        && (connection.account == null || !connection.account.accountId.equals(outbound.accountId()))) {
                    continue;
                }
                if (outbound.ticker() != null && subscription.tickers != null
                        && !subscription.tickers.contains(outbound.ticker())) {
                    continue;
                }
                if (outbound.channel().equals("orderbook_delta") && !subscription.snapshotted.contains(outbound.ticker())) {
                    continue;
                }
                if (outbound.channel().equals("cfbenchmarks_value") && subscription.indexIds != null
                        && !subscription.indexIds.contains("all")
                        && !subscription.indexIds.contains(String.valueOf(outbound.msg().get("index_id")))) {
                    continue;
                }
                Map<String, Object> message = obj("type", outbound.type(), "sid", subscription.sid, "msg", outbound.msg());
                send(connection, WITH_SEQ.contains(outbound.channel()) ? withSeq(subscription, message) : message);
            }
        }
    }

    private void send(Connection connection, Map<String, Object> message) {
        if (!connection.session.isOpen()) {
            return;
        }
        try {
            synchronized (connection) {
                connection.session.getBasicRemote().sendText(Json.write(message));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Sending to a simulated Kalshi WebSocket failed; dropping it", e);
            connections.remove(connection.session);
        }
    }
}
