package io.recio.kalshi.client;

import io.recio.kalshi.ExchangeStatus;
import io.recio.kalshi.KalshiBalance;
import io.recio.kalshi.KalshiException;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiPosition;
import io.recio.kalshi.KalshiRateLimitedException;
import io.recio.kalshi.KalshiUnavailableException;
import io.recio.kalshi.KalshiSettlement;
import io.recio.kalshi.OrderOutcome;
import io.recio.kalshi.OrderRequest;
import io.recio.market.Count;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kalshi Trade API v2 over REST: signed requests, read and write token buckets, a timeout on every call,
 * retries with back-off for reads only, cursor pagination as lazy streams, and error bodies mapped to
 * {@link KalshiException}. Order creation is never retried (DESIGN.md §7): see {@link #createOrder}.
 */
public final class KalshiRestClient {

    private static final Logger log = LoggerFactory.getLogger(KalshiRestClient.class);

    /** Settings of one client. */
    public record Settings(URI baseUrl, RateTier tier, Duration requestTimeout, Duration orderTimeout,
                           int readAttempts, Duration retryBackoff) {
    }

    private final Settings settings;
    private final RequestSigner signer;
    private final HttpClient http;
    private final TokenBucket readBucket;
    private final TokenBucket writeBucket;
    private final String basePath;
    private final Clock clock;
    private final CallStats calls;

    public KalshiRestClient(Settings settings, KalshiCredentials credentials, Clock clock, HttpClient http) {
        this(settings, credentials, clock, http, new CallStats(Duration.ofSeconds(30)));
    }

    /** A client that records every call's outcome and duration in {@code calls}. */
    public KalshiRestClient(Settings settings, KalshiCredentials credentials, Clock clock, HttpClient http,
                            CallStats calls) {
        this.settings = settings;
        this.clock = clock;
        this.calls = calls;
        this.signer = credentials == null ? null : new RequestSigner(credentials, clock);
        this.http = http;
        this.readBucket = new TokenBucket(settings.tier().readCapacity(), settings.tier().readPerSecond(),
                System::nanoTime);
        this.writeBucket = new TokenBucket(settings.tier().writeCapacity(), settings.tier().writePerSecond(),
                System::nanoTime);
        String path = settings.baseUrl().getPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    // ---- exchange and market data ------------------------------------------------------------------------

    public ExchangeStatus exchangeStatus() {
        return KalshiParsers.exchangeStatus(get("/exchange/status", Map.of()));
    }

    public ExchangeSchedule exchangeSchedule() {
        return KalshiParsers.schedule(get("/exchange/schedule", Map.of()));
    }

    /** Events of a series, optionally with a status filter, with nested markets. */
    public Stream<KalshiEvent> events(String seriesTicker, String status) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("series_ticker", seriesTicker);
        query.put("with_nested_markets", "true");
        if (status != null) {
            query.put("status", status);
        }
        return paged("/events", query, "events", KalshiParsers::event);
    }

    public KalshiEvent event(String eventTicker) {
        JsonNode body = get("/events/" + encode(eventTicker), Map.of("with_nested_markets", "true"));
        KalshiEvent event = KalshiParsers.event(body.path("event"));
        if (event.markets().isEmpty() && body.path("markets").isArray()) {
            return new KalshiEvent(event.eventTicker(), event.seriesTicker(), event.title(), event.exchangeIndex(),
                    KalshiParsers.markets(body));
        }
        return event;
    }

    /** Every market of one event. */
    public Stream<KalshiMarket> markets(String eventTicker) {
        return paged("/markets", Map.of("event_ticker", eventTicker, "limit", "1000"), "markets",
                KalshiParsers::market);
    }

    public KalshiMarket market(String ticker) {
        return KalshiParsers.market(get("/markets/" + encode(ticker), Map.of()).path("market"));
    }

    public OrderbookLevels orderbook(String ticker) {
        return KalshiParsers.orderbook(ticker, get("/markets/" + encode(ticker) + "/orderbook", Map.of("depth", "0")));
    }

    /** Books of up to 100 markets in one call. */
    public List<OrderbookLevels> orderbooks(List<String> tickers) {
        if (tickers.isEmpty() || tickers.size() > 100) {
            throw new IllegalArgumentException("orderbooks takes 1 to 100 tickers, got " + tickers.size());
        }
        StringBuilder query = new StringBuilder();
        for (String t : tickers) {
            query.append(query.isEmpty() ? "" : "&").append("tickers=").append(encode(t));
        }
        JsonNode body = getWithRetries("/markets/orderbooks", query.toString());
        List<OrderbookLevels> books = new ArrayList<>();
        for (JsonNode b : body.path("orderbooks")) {
            books.add(KalshiParsers.orderbook(KalshiParsers.str(b, "ticker", "orderbooks entry"), b));
        }
        return books;
    }

    public Stream<KalshiTrade> trades(String ticker) {
        return paged("/markets/trades", Map.of("ticker", ticker, "limit", "1000"), "trades", KalshiParsers::trade);
    }

    // ---- portfolio ---------------------------------------------------------------------------------------

    public KalshiBalance balance() {
        return KalshiParsers.balance(get("/portfolio/balance", Map.of()));
    }

    public Stream<KalshiPosition> positions() {
        return paged("/portfolio/positions", Map.of("limit", "1000"), "market_positions", KalshiParsers::position);
    }

    /** Our fills, newest first; {@code ticker} null for all markets. */
    public Stream<KalshiFill> fills(String ticker) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", "1000");
        if (ticker != null) {
            query.put("ticker", ticker);
        }
        return paged("/portfolio/fills", query, "fills", KalshiParsers::fill);
    }

    public Stream<KalshiSettlement> settlements() {
        return paged("/portfolio/settlements", Map.of("limit", "1000"), "settlements", KalshiParsers::settlement);
    }

    /** Our orders; {@code ticker} and {@code status} (resting, canceled, executed) null for all. */
    public Stream<KalshiOrder> orders(String ticker, String status) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", "1000");
        if (ticker != null) {
            query.put("ticker", ticker);
        }
        if (status != null) {
            query.put("status", status);
        }
        return paged("/portfolio/orders", query, "orders", KalshiParsers::order);
    }

    public KalshiOrder order(String orderId) {
        return KalshiParsers.order(get("/portfolio/orders/" + encode(orderId), Map.of()).path("order"));
    }

    /** Our order with this client id in that market, found by listing its orders (the way to resolve UNKNOWN). */
    public Optional<KalshiOrder> findOrderByClientId(String ticker, String clientOrderId) {
        try (Stream<KalshiOrder> orders = orders(ticker, null)) {
            return orders.filter(o -> clientOrderId.equals(o.clientOrderId())).findFirst();
        }
    }

    // ---- orders (V2) -------------------------------------------------------------------------------------

    /**
     * Sends one V2 create, once. A 201 is {@link OrderOutcome.Accepted}; a 409 is
     * {@link OrderOutcome.DuplicateClientOrderId}; another 4xx is {@link OrderOutcome.Rejected}; a timeout, 429,
     * 5xx, broken connection or unreadable 201 is {@link OrderOutcome.Unknown}.
     */
    public OrderOutcome createOrder(OrderRequest request) {
        ObjectNode body = orderBody(request);
        try {
            JsonNode response = send("POST", "/portfolio/events/orders", "", body.toString(), true);
            return KalshiParsers.createOrderResponse(response, request.clientOrderId());
        } catch (KalshiException e) {
            if (e.httpStatus() == 409) {
                return new OrderOutcome.DuplicateClientOrderId(request.clientOrderId(), e.getMessage());
            }
            if (e.definite()) {
                return new OrderOutcome.Rejected(request.clientOrderId(), e.httpStatus(), e.code(), e.getMessage());
            }
            return new OrderOutcome.Unknown(request.clientOrderId(), e.getMessage());
        } catch (KalshiFormatException e) {
            return new OrderOutcome.Unknown(request.clientOrderId(), "unreadable create-order answer: "
                    + e.getMessage());
        }
    }

    /** Up to Kalshi's batch size of creates; each item is an outcome (the batch as a whole may be UNKNOWN). */
    public List<OrderOutcome> createOrders(List<OrderRequest> requests) {
        ObjectNode body = KalshiParsers.json().createObjectNode();
        var array = body.putArray("orders");
        requests.forEach(r -> array.add(orderBody(r)));
        List<OrderOutcome> outcomes = new ArrayList<>();
        JsonNode response;
        try {
            response = send("POST", "/portfolio/events/orders/batched", "", body.toString(), true);
        } catch (KalshiException e) {
            for (OrderRequest r : requests) {
                outcomes.add(e.definite() && e.httpStatus() != 409
                        ? new OrderOutcome.Rejected(r.clientOrderId(), e.httpStatus(), e.code(), e.getMessage())
                        : new OrderOutcome.Unknown(r.clientOrderId(), e.getMessage()));
            }
            return outcomes;
        }
        JsonNode items = response.path("orders");
        for (int i = 0; i < requests.size(); i++) {
            JsonNode item = items.path(i);
            String clientOrderId = requests.get(i).clientOrderId();
            if (item.isMissingNode()) {
                outcomes.add(new OrderOutcome.Unknown(clientOrderId, "batch answer has no item " + i));
            } else if (item.hasNonNull("error") && !item.path("error").isEmpty()) {
                KalshiParsers.ApiError error = KalshiParsers.error("{\"error\":" + item.get("error") + "}");
                outcomes.add(new OrderOutcome.Rejected(clientOrderId, 400, error.code(), error.message()));
            } else {
                outcomes.add(KalshiParsers.createOrderResponse(item, clientOrderId));
            }
        }
        return outcomes;
    }

    /** Cancels what rests of an order (V2); answers the contracts removed. */
    public Count cancelOrder(String orderId, String ticker) {
        String query = ticker == null ? "" : "market_ticker=" + encode(ticker);
        JsonNode body = send("DELETE", "/portfolio/events/orders/" + encode(orderId), query, null, true);
        return KalshiParsers.count(body, "reduced_by", "cancel response");
    }

    /** Reduces a resting order to {@code reduceTo} contracts (V2 decrease); answers what still rests. */
    public Count decreaseOrder(String orderId, String ticker, Count reduceTo) {
        ObjectNode body = KalshiParsers.json().createObjectNode();
        body.put("reduce_to", reduceTo.toFp());
        body.put("market_ticker", ticker);
        JsonNode response = send("POST", "/portfolio/events/orders/" + encode(orderId) + "/decrease", "",
                body.toString(), true);
        return KalshiParsers.count(response, "remaining_count", "decrease response");
    }

    /** Moves a resting order to a new YES price and total count (filled + desired resting). */
    public Count amendOrder(String orderId, OrderRequest request) {
        ObjectNode body = KalshiParsers.json().createObjectNode();
        body.put("ticker", request.ticker().toString());
        body.put("side", request.bookSide().wire());
        body.put("price", request.yesPrice().toDollars());
        body.put("count", request.count().toFp());
        JsonNode response = send("POST", "/portfolio/events/orders/" + encode(orderId) + "/amend", "",
                body.toString(), true);
        return response.has("remaining_count") ? KalshiParsers.count(response, "remaining_count", "amend response")
                : Count.ZERO;
    }

    private static ObjectNode orderBody(OrderRequest r) {
        ObjectNode body = KalshiParsers.json().createObjectNode();
        body.put("ticker", r.ticker().toString());
        body.put("client_order_id", r.clientOrderId());
        body.put("side", r.bookSide().wire());
        body.put("count", r.count().toFp());
        body.put("price", r.yesPrice().toDollars());
        body.put("time_in_force", r.timeInForce().wire());
        body.put("self_trade_prevention_type", "taker_at_cross");
        if (r.reduceOnly()) {
            body.put("reduce_only", true);
        }
        return body;
    }

    // ---- plumbing ----------------------------------------------------------------------------------------

    /** A GET with retries: no answer, 429 and 5xx are tried again with exponential back-off and jitter. */
    public JsonNode get(String path, Map<String, String> query) {
        return getWithRetries(path, queryString(query));
    }

    private JsonNode getWithRetries(String path, String queryString) {
        KalshiException last = null;
        for (int attempt = 1; attempt <= settings.readAttempts(); attempt++) {
            try {
                return send("GET", path, queryString, null, false);
            } catch (KalshiException e) {
                if (!e.retryable() || attempt == settings.readAttempts()) {
                    throw e;
                }
                last = e;
                long base = settings.retryBackoff().toMillis() << (attempt - 1);
                long wait = base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
                log.debug("Kalshi GET {} failed ({}), attempt {} of {}, retrying in {} ms", path, e.code(), attempt,
                        settings.readAttempts(), wait);
                sleep(wait);
            }
        }
        throw last;
    }

    private JsonNode send(String method, String path, String query, String body, boolean write) {
        try {
            (write ? writeBucket : readBucket).take(RateTier.DEFAULT_COST);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KalshiException(0, "interrupted", "interrupted before " + method + " " + path, null, e);
        }
        long call = calls.begin(clock.instant());
        boolean answered = false;
        try {
            JsonNode answer = exchange(method, path, query, body, write);
            answered = true;
            return answer;
        } catch (KalshiUnavailableException | KalshiRateLimitedException e) {
            throw e;
        } catch (KalshiException e) {
            // a definite refusal (4xx) is an answer: the venue works
            answered = !"interrupted".equals(e.code());
            throw e;
        } finally {
            calls.end(call, clock.instant(), !answered);
        }
    }

    private JsonNode exchange(String method, String path, String query, String body, boolean write) {
        String fullPath = basePath + path;
        URI uri = settings.baseUrl().resolve(fullPath + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(write && "POST".equals(method) ? settings.orderTimeout() : settings.requestTimeout())
                .header("Accept", "application/json");
        if (signer != null) {
            signer.headers(method, fullPath).forEach(request::header);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new KalshiUnavailableException(0, "timeout", method + " " + path + " got no answer within "
                    + (write ? settings.orderTimeout() : settings.requestTimeout()), null, e);
        } catch (IOException e) {
            throw new KalshiUnavailableException(0, "connection", method + " " + path + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KalshiException(0, "interrupted", method + " " + path + " was interrupted", null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String text = response.body();
            return text == null || text.isBlank() ? KalshiParsers.json().createObjectNode() : KalshiParsers.tree(text);
        }
        KalshiParsers.ApiError error = KalshiParsers.error(response.body());
        String message = method + " " + path + " answered " + status + " " + error.code() + ": " + error.message()
                + (error.details() == null ? "" : " (" + error.details() + ")");
        if (status == 429) {
            throw new KalshiRateLimitedException(message);
        }
        if (status >= 500) {
            throw new KalshiUnavailableException(status, error.code(), message, error.details(), null);
        }
        throw new KalshiException(status, error.code(), message, error.details(), null);
    }

    private <T> Stream<T> paged(String path, Map<String, String> query, String field, Function<JsonNode, T> parser) {
        Iterator<T> pages = new Iterator<>() {
            private Iterator<JsonNode> current = java.util.Collections.emptyIterator();
            private String cursor;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !done) {
                    Map<String, String> q = new LinkedHashMap<>(query);
                    if (cursor != null) {
                        q.put("cursor", cursor);
                    }
                    JsonNode body = get(path, q);
                    JsonNode items = body.path(field);
                    if (!items.isArray()) {
                        throw new KalshiFormatException(path + " answer has no '" + field + "' array");
                    }
                    current = items.iterator();
                    cursor = body.path("cursor").asString("");
                    done = cursor.isEmpty();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return parser.apply(current.next());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false);
    }

    private static String queryString(Map<String, String> query) {
        StringBuilder s = new StringBuilder();
        query.forEach((k, v) -> s.append(s.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return s.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KalshiException(0, "interrupted", "interrupted while backing off", null, e);
        }
    }
}
