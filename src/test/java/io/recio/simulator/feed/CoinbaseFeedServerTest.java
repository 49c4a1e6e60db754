package io.recio.simulator.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.recio.market.SpotPrice;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.simulator.prices.model.PriceModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulated Coinbase Exchange feed over real sockets, read by a JDK WebSocket client. */
class CoinbaseFeedServerTest {

    private static final Path SHARED = Path.of(System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FaultSwitches faults = new FaultSwitches();
    private CoinbaseFeedServer server;
    private final List<Client> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        Clock clock = Clock.systemUTC();
        PriceModel prices = new PriceModel(clock, 99, SpotPrice.parse("95000"), SpotPrice.parse("3500"), null, null);
        server = new CoinbaseFeedServer(prices, faults, clock,
                new CoinbaseFeedServer.Settings("127.0.0.1", 0, Duration.ofMillis(400), 99));
        server.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(c -> c.socket.abort());
        server.stop();
    }

    @Test
    void aClientThatDoesNotSubscribeInTimeIsDisconnected() {
        Client client = connect();
        await().atMost(Duration.ofSeconds(5)).until(client.closed::isDone);
        assertThat(client.closed.join()).isEqualTo(1008);
    }

    @Test
    void subscribeIsAnsweredWithEverySubscriptionRootProductIdsApplyingToEachChannel() {
        Client client = connect();
        client.send("""
                {"type":"subscribe","product_ids":["BTC-USD"],
                 "channels":["heartbeat",{"name":"ticker","product_ids":["ETH-USD"]}]}""");
        JsonNode reply = client.awaitType("subscriptions");
        assertThat(reply.get("channels")).hasSize(2);
        assertThat(channel(reply, "heartbeat")).containsExactly("BTC-USD");
        assertThat(channel(reply, "ticker")).containsExactly("BTC-USD", "ETH-USD");

        client.send("{\"type\":\"unsubscribe\",\"channels\":[\"heartbeat\"]}");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.ofType("subscriptions").size() == 2);
        JsonNode after = client.ofType("subscriptions").get(1);
        assertThat(after.get("channels")).hasSize(1);
        assertThat(channel(after, "ticker")).containsExactly("BTC-USD", "ETH-USD");
    }

    @Test
    void tickerHasExactlyTheSeventeenKeysOfTheLiveFeedWithTheSameJsonTypes() throws Exception {
        JsonNode live = JSON.readTree(Files.readString(
                SHARED.resolve("reference/coinbase-examples/exchange_ws_live_captured_2026.json")))
                .get("ticker_live_2026_09_04");
        Client client = subscribed("ticker", "BTC-USD", "ETH-USD");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.ofType("ticker").stream()
                .map(t -> t.get("product_id").asString()).distinct().count() == 2);
        for (JsonNode ticker : client.ofType("ticker")) {
            assertThat(ticker.propertyNames()).containsExactlyElementsOf(live.propertyNames());
            for (String key : live.propertyNames()) {
                assertThat(ticker.get(key).getNodeType()).as(key).isEqualTo(live.get(key).getNodeType());
            }
            assertThat(ticker.get("price").asString()).matches("\\d+\\.\\d{2}");
            assertThat(ticker.get("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat(ticker.get("side").asString()).isIn("buy", "sell");
        }
    }

    @Test
    void tickerPricesAreAroundTheModelWithTheBidBelowTheAsk() {
        Client client = subscribed("ticker", "BTC-USD");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.ofType("ticker").size() >= 5);
        for (JsonNode t : client.ofType("ticker")) {
            double bid = Double.parseDouble(t.get("best_bid").asString());
            double ask = Double.parseDouble(t.get("best_ask").asString());
            double price = Double.parseDouble(t.get("price").asString());
            assertThat(bid).isLessThan(ask);
            assertThat(price).isIn(bid, ask);
            assertThat(price).isBetween(95_000 * 0.9, 95_000 * 1.1);
        }
    }

    @Test
    void sequenceIncreasesAndTradeIdsAreConsecutivePerProduct() {
        Client client = subscribed("ticker", "BTC-USD", "ETH-USD");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.ofType("ticker").size() >= 20);
        for (String product : List.of("BTC-USD", "ETH-USD")) {
            List<JsonNode> tickers = client.ofType("ticker").stream()
                    .filter(t -> t.get("product_id").asString().equals(product)).toList();
            for (int i = 1; i < tickers.size(); i++) {
                assertThat(tickers.get(i).get("sequence").asLong()).isGreaterThan(tickers.get(i - 1).get("sequence").asLong());
                assertThat(tickers.get(i).get("trade_id").asLong()).isEqualTo(tickers.get(i - 1).get("trade_id").asLong() + 1);
            }
        }
    }

    @Test
    void heartbeatComesEverySecondPerProductWithTheLastTradeId() {
        Client client = subscribed("heartbeat", "BTC-USD", "ETH-USD");
        await().atMost(Duration.ofSeconds(6)).until(() -> client.ofType("heartbeat").size() >= 6);
        List<JsonNode> btc = client.ofType("heartbeat").stream()
                .filter(h -> h.get("product_id").asString().equals("BTC-USD")).toList();
        assertThat(btc.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode h : btc) {
            assertThat(h.propertyNames()).containsExactly("type", "sequence", "last_trade_id", "product_id", "time");
            assertThat(h.get("last_trade_id").isIntegralNumber()).isTrue();
        }
        long firstMillis = java.time.Instant.parse(btc.get(0).get("time").asString()).toEpochMilli();
        long secondMillis = java.time.Instant.parse(btc.get(1).get("time").asString()).toEpochMilli();
        assertThat(secondMillis - firstMillis).isBetween(900L, 1_100L);
        assertThat(btc.get(1).get("last_trade_id").asLong()).isGreaterThanOrEqualTo(btc.get(0).get("last_trade_id").asLong());
    }

    @Test
    void aFrozenFeedStaysConnectedAndSendsNothing() {
        Client client = subscribed("ticker", "BTC-USD", "ETH-USD");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.ofType("ticker").size() >= 2);
        faults.feedFrozen(true);
        int frozenAt = client.messages.size();
        // Over 1.5 s the live feed would have sent about 15 tickers; the frozen one sends none.
        await().pollDelay(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(client.messages.size()).isLessThanOrEqualTo(frozenAt + 1); // one may have been in flight
        assertThat(client.closed).isNotDone();
        faults.feedFrozen(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() > frozenAt + 2);
    }

    @Test
    void droppingWebSocketsClosesEveryConnection() {
        Client a = subscribed("ticker", "BTC-USD");
        Client b = subscribed("heartbeat", "ETH-USD");
        faults.fire(FaultSwitches.Venue.COINBASE, FaultSwitches.Action.DROP_WEBSOCKETS);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.closed.isDone() && b.closed.isDone());
        assertThat(server.connectionCount()).isZero();
    }

    @Test
    void anUnknownMessageTypeIsAnsweredWithAnError() {
        Client client = connect();
        client.send("{\"type\":\"hello\"}");
        JsonNode error = client.awaitType("error");
        assertThat(error.get("message").isString()).isTrue();
        assertThat(error.get("reason").asString()).contains("hello");
    }

    @Test
    void anUnknownChannelOrProductIsAnsweredWithAnErrorNamingIt() {
        Client client = connect();
        client.send("{\"type\":\"subscribe\",\"product_ids\":[\"DOGE-USD\"],\"channels\":[\"ticker\"]}");
        assertThat(client.awaitType("error").get("reason").asString()).contains("DOGE-USD");
        client.send("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channels\":[\"level3\"]}");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.ofType("error").size() == 2);
        assertThat(client.ofType("error").get(1).get("reason").asString()).contains("level3");
    }

    @Test
    void malformedJsonIsAnsweredWithAnError() {
        Client client = connect();
        client.send("{not json");
        assertThat(client.awaitType("error").get("message").asString()).isNotBlank();
    }

    private static Set<String> channel(JsonNode subscriptions, String name) {
        for (JsonNode c : subscriptions.get("channels")) {
            if (c.get("name").asString().equals(name)) {
                Set<String> ids = new LinkedHashSet<>();
                c.get("product_ids").forEach(id -> ids.add(id.asString()));
                return ids;
            }
        }
        return Set.of();
    }

    private Client subscribed(String channel, String... products) {
        Client client = connect();
        client.send(JSON.writeValueAsString(Map.of("type", "subscribe", "product_ids", List.of(products),
                "channels", List.of(channel))));
        client.awaitType("subscriptions");
        return client;
    }

    private Client connect() {
        Client client = new Client();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), client).join();
        clients.add(client);
        return client;
    }

    /** A test client that keeps every message it receives and the close code. */
    static final class Client implements WebSocket.Listener {
        final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        void send(String text) {
            socket.sendText(text, true).join();
        }

        List<JsonNode> ofType(String type) {
            return messages.stream().filter(m -> m.get("type").asString().equals(type)).toList();
        }

        JsonNode awaitType(String type) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> !ofType(type).isEmpty());
            return ofType(type).getFirst();
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
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
