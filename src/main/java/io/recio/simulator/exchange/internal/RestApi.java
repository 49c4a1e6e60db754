package io.recio.simulator.exchange.internal;

import static io.recio.simulator.exchange.internal.Json.obj;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Symbol;
import io.recio.simulator.faults.FaultSwitches;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The Trade API v2 REST surface of the simulated exchange ({@code /trade-api/v2/...}). Its fault switches are set
 * through recio's own API by a master admin ({@code /api/admin/simulator/faults}), never on this port: an open
 * port would take a cross-site POST from any page the operator visits.
 */
public final class RestApi extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(RestApi.class);
    public static final String BASE = "/trade-api/v2";
    private static final Set<String> TIME_IN_FORCE = Set.of("fill_or_kill", "good_till_canceled", "immediate_or_cancel");
    private static final Set<String> SELF_TRADE = Set.of("taker_at_cross", "maker");

    private final Exchange exchange;
    private final Authenticator authenticator;
    private final TokenBuckets buckets = new TokenBuckets();
    private final FaultSwitches faults;
    /** Requests held open by the order-response-timeout fault, released when the server stops. */
    private final Set<AsyncContext> hung = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** One HTTP exchange's parsed request. */
    private record Call(String method, String path, HttpServletRequest request) {
        String param(String name) {
            String value = request.getParameter(name);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** A JSON answer with its status. */
    private record Answer(int status, Object body) {
    }

    public RestApi(Exchange exchange, Authenticator authenticator, FaultSwitches faults) {
        this.exchange = exchange;
        this.authenticator = authenticator;
        this.faults = faults;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        String method = request.getMethod().toUpperCase();
        Answer answer;
        try {
            if (path.startsWith(BASE + "/") || path.equals(BASE)) {
                answer = kalshi(new Call(method, path.substring(BASE.length()), request), request, response);
                if (answer == null) {
                    return;
                }
            } else {
                answer = new Answer(404, Json.error("not_found", "no such path " + path, null));
            }
        } catch (ApiException e) {
            answer = new Answer(e.status(), Json.error(e.code(), e.getMessage(), e.details()));
        } catch (JacksonException e) {
            answer = new Answer(400, Json.error("bad_request", "request body is not valid JSON", e.getOriginalMessage()));
        } catch (RuntimeException e) {
            log.error("Simulated exchange failed on {} {}", method, path, e);
            answer = new Answer(500, Json.error("internal_server_error", "internal error", e.getClass().getSimpleName()));
        }
        write(response, answer);
    }

    private static void write(HttpServletResponse response, Answer answer) throws IOException {
        byte[] body = Json.write(answer.body()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static long integral(JsonNode body, String field) {
        if (!body.get(field).isIntegralNumber()) {
            throw ApiException.badRequest("bad_request", field + " must be an integer");
        }
        return body.get(field).asLong();
    }

    // ---------------------------------------------------------------- Kalshi

    private Answer kalshi(Call call, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long latency = faults.latencyMillis();
        if (latency > 0) {
            try {
                Thread.sleep(latency); // the injected fault is the delay itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (faults.errorFraction() > 0 && ThreadLocalRandom.current().nextDouble() < faults.errorFraction()) {
            return injectedError(faults.errorStatus());
        }
        boolean write = isWrite(call);
        boolean authenticated = call.path().startsWith("/portfolio") || call.path().startsWith("/account");
        SimAccount account = null;
        if (authenticated) {
            account = authenticator.authenticate(request.getHeader("KALSHI-ACCESS-KEY"),
                    request.getHeader("KALSHI-ACCESS-TIMESTAMP"), request.getHeader("KALSHI-ACCESS-SIGNATURE"),
                    call.method(), request.getRequestURI());
        }
        if (exchange.settings().rateLimited()
                && !buckets.take(account != null ? account.keyId : request.getRemoteAddr(), write)) {
            return new Answer(429, obj("error", "too many requests"));
        }
        if (account == null) {
            return publicRoute(call);
        }
        if (call.method().equals("POST") && call.path().equals("/portfolio/events/orders")
                && faults.orderResponseTimeout()) {
            createOrder(account, body(request));
            hang(request);
            return null;
        }
        return portfolioRoute(call, account, request);
    }

    private static Answer injectedError(int status) {
        return switch (status) {
            case 429 -> new Answer(429, obj("error", "too many requests"));
            case 500 -> new Answer(500, Json.error("internal_server_error", "internal server error (injected)", null));
            default -> new Answer(503, Json.error("service_unavailable", "service unavailable (injected)", null));
        };
    }

    /** Ends every request the order-response-timeout fault holds open (on shutdown). */
    public void releaseHungRequests() {
        for (AsyncContext context : hung) {
            try {
                context.complete();
            } catch (IllegalStateException alreadyDone) {
                // completed by its own timeout meanwhile
            }
        }
        hung.clear();
    }

    /** The order exists, but its answer never comes: the client's own timeout must fire. */
    private void hang(HttpServletRequest request) {
        AsyncContext context = request.startAsync();
        hung.add(context);
        context.setTimeout(300_000);
        context.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                hung.remove(event.getAsyncContext());
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                event.getAsyncContext().complete();
            }

            @Override
            public void onError(AsyncEvent event) {
                event.getAsyncContext().complete();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
    }

    private static boolean isWrite(Call call) {
        return !call.method().equals("GET") && call.path().startsWith("/portfolio/");
    }

    private Answer publicRoute(Call call) {
        if (!call.method().equals("GET")) {
            throw new ApiException(405, "method_not_allowed", call.method() + " " + call.path() + " is not allowed");
        }
        String[] parts = call.path().substring(1).split("/");
        return switch (parts[0]) {
            case "exchange" -> exchangeRoute(parts);
            case "series" -> seriesRoute(parts);
            case "events" -> eventsRoute(call, parts);
            case "markets" -> marketsRoute(call, parts);
            default -> throw ApiException.notFound("no such endpoint " + call.path());
        };
    }

    private Answer exchangeRoute(String[] parts) {
        if (parts.length == 2 && parts[1].equals("status")) {
            boolean trading = !faults.tradingPaused();
            return new Answer(200, obj("exchange_active", true, "trading_active", trading,
                    "intra_exchange_transfers_active", true, "exchange_estimated_resume_time", null,
                    "exchange_index_statuses", List.of(0, 1, 2).stream().map(i -> obj("exchange_index", i,
                            "description", i == 2 ? "crypto" : "main", "exchange_active", true, "trading_active", trading,
                            "intra_exchange_transfers_active", true)).toList()));
        }
        if (parts.length == 2 && parts[1].equals("schedule")) {
            Map<String, Object> allDay = obj("open_time", "00:00", "close_time", "24:00");
            Map<String, Object> hours = obj("start_time", "2026-01-01T00:00:00Z", "end_time", "2099-12-31T23:59:59Z");
            for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
                hours.put(day, List.of(allDay));
            }
            return new Answer(200, obj("schedule", obj("standard_hours", List.of(hours), "maintenance_windows", List.of())));
        }
        throw ApiException.notFound("no such exchange endpoint");
    }

    private Answer seriesRoute(String[] parts) {
        if (parts.length == 1) {
            return new Answer(200, obj("series", Arrays.stream(Symbol.values()).map(s -> Wire.series(s, exchange.started())).toList()));
        }
        if (parts.length == 2) {
            try {
                Symbol symbol = Symbol.ofSeries(parts[1]);
                if (symbol.aboveBelowSeries().equals(parts[1])) {
                    return new Answer(200, obj("series", Wire.series(symbol, exchange.started())));
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.notFound("series " + parts[1] + " not found");
            }
        }
        throw ApiException.notFound("series " + String.join("/", parts) + " not found");
    }

    private Answer eventsRoute(Call call, String[] parts) {
        boolean nested = "true".equalsIgnoreCase(call.param("with_nested_markets"));
        if (parts.length == 2) {
            return exchange.read(() -> {
                Exchange.SimEvent event = exchange.event(parts[1])
                        .orElseThrow(() -> ApiException.notFound("event " + parts[1] + " not found"));
                return new Answer(200, obj("event", Wire.event(event, nested),
                        "markets", event.markets.stream().map(Wire::market).toList()));
            });
        }
        int limit = limit(call, 200, 200);
        String series = call.param("series_ticker");
        String status = call.param("status");
        if (status != null && !Set.of("unopened", "open", "closed", "settled").contains(status)) {
            throw ApiException.badRequest("invalid_parameters", "status must be unopened, open, closed or settled");
        }
        Set<String> tickers = csv(call.param("tickers"));
        Long minClose = longParam(call, "min_close_ts");
        return exchange.read(() -> {
            List<Exchange.SimEvent> matching = exchange.events().stream()
                    .filter(e -> series == null || e.ticker.series().equals(series))
                    .filter(e -> tickers == null || tickers.contains(e.ticker.toString()))
                    .filter(e -> minClose == null || e.ticker.close().getEpochSecond() >= minClose)
                    .filter(e -> status == null || e.markets.stream().anyMatch(m -> statusMatches(m, status)))
                    .toList();
            Page<Exchange.SimEvent> page = page(matching, e -> e.ticker.toString(), limit, call.param("cursor"));
            return new Answer(200, obj("events", page.items().stream().map(e -> Wire.event(e, nested)).toList(),
                    "cursor", page.cursor()));
        });
    }

    private static boolean statusMatches(SimMarket market, String filter) {
        return switch (filter) {
            case "unopened" -> market.status == SimMarket.Status.INITIALIZED;
            case "open" -> market.status == SimMarket.Status.ACTIVE;
            case "paused" -> false;
            case "closed" -> market.status == SimMarket.Status.CLOSED || market.status == SimMarket.Status.DETERMINED;
            case "settled" -> market.status == SimMarket.Status.FINALIZED;
            default -> true;
        };
    }

    private Answer marketsRoute(Call call, String[] parts) {
        if (parts.length == 1) {
            return listMarkets(call);
        }
        if (parts.length == 2 && parts[1].equals("trades")) {
            return listTrades(call);
        }
        if (parts.length == 2 && parts[1].equals("orderbooks")) {
            String[] tickers = call.request().getParameterValues("tickers");
            if (tickers == null || tickers.length == 0) {
                throw ApiException.badRequest("invalid_parameters", "tickers is required (1 to 100)");
            }
            List<String> all = Arrays.stream(tickers).flatMap(t -> Arrays.stream(t.split(",")))
                    .map(String::trim).filter(t -> !t.isEmpty()).toList();
            if (all.isEmpty() || all.size() > 100) {
                throw ApiException.badRequest("invalid_parameters", "tickers must name 1 to 100 markets");
            }
            return exchange.read(() -> new Answer(200, obj("orderbooks", all.stream().map(t -> obj("ticker", t,
                    "orderbook_fp", Wire.orderbook(marketOrThrow(t), 0))).toList())));
        }
        if (parts.length == 2) {
            return exchange.read(() -> new Answer(200, obj("market", Wire.market(marketOrThrow(parts[1])))));
        }
        if (parts.length == 3 && parts[2].equals("orderbook")) {
            Long depth = longParam(call, "depth");
            if (depth != null && (depth < 0 || depth > 100)) {
                throw ApiException.badRequest("invalid_parameters", "depth must be 0 to 100");
            }
            return exchange.read(() -> new Answer(200, obj("orderbook_fp",
                    Wire.orderbook(marketOrThrow(parts[1]), depth == null ? 0 : depth.intValue()))));
        }
        throw ApiException.notFound("no such markets endpoint");
    }

    private SimMarket marketOrThrow(String ticker) {
        return exchange.market(ticker).orElseThrow(() -> ApiException.notFound("market " + ticker + " not found"));
    }

    private Answer listMarkets(Call call) {
        int limit = limit(call, 100, 1000);
        String event = call.param("event_ticker");
        String series = call.param("series_ticker");
        String status = call.param("status");
        if (status != null && !Set.of("unopened", "open", "paused", "closed", "settled").contains(status)) {
            throw ApiException.badRequest("invalid_parameters", "status must be one of unopened, open, paused, closed, settled");
        }
        Set<String> tickers = csv(call.param("tickers"));
        Long minClose = longParam(call, "min_close_ts");
        Long maxClose = longParam(call, "max_close_ts");
        return exchange.read(() -> {
            Predicate<SimMarket> filter = m -> (event == null || m.event.toString().equals(event))
                    && (series == null || m.event.series().equals(series))
                    && (status == null || statusMatches(m, status))
                    && (tickers == null || tickers.contains(m.ticker))
                    && (minClose == null || m.event.close().getEpochSecond() >= minClose)
                    && (maxClose == null || m.event.close().getEpochSecond() <= maxClose);
            List<SimMarket> matching = exchange.events().stream().flatMap(e -> e.markets.stream()).filter(filter).toList();
            Page<SimMarket> page = page(matching, m -> m.ticker, limit, call.param("cursor"));
            return new Answer(200, obj("markets", page.items().stream().map(Wire::market).toList(),
                    "cursor", page.cursor()));
        });
    }

    private Answer listTrades(Call call) {
        int limit = limit(call, 100, 1000);
        String ticker = call.param("ticker");
        Long minTs = longParam(call, "min_ts");
        Long maxTs = longParam(call, "max_ts");
        return exchange.read(() -> {
            List<Exchange.Trade> matching = exchange.trades().stream()
                    .filter(t -> ticker == null || t.ticker().equals(ticker))
                    .filter(t -> minTs == null || t.time().getEpochSecond() >= minTs)
                    .filter(t -> maxTs == null || t.time().getEpochSecond() <= maxTs).toList();
            Page<Exchange.Trade> page = page(matching, Exchange.Trade::tradeId, limit, call.param("cursor"));
            return new Answer(200, obj("trades", page.items().stream().map(Wire::restTrade).toList(),
                    "cursor", page.cursor()));
        });
    }

    // ---------------------------------------------------------------- portfolio

    private Answer portfolioRoute(Call call, SimAccount account, HttpServletRequest request) throws IOException {
        String path = call.path();
        String method = call.method();
        if (path.startsWith("/portfolio/orders") && !method.equals("GET")) {
            return new Answer(410, obj("error", obj("code", "deprecated_v1_order_endpoint",
                    "message", "Please switch to the V2 endpoints under /portfolio/events/orders")));
        }
        if (path.startsWith("/portfolio/events/orders")) {
            return orderWrites(call, account, request);
        }
        if (path.equals("/account/limits") && method.equals("GET")) {
            return new Answer(200, TokenBuckets.limits());
        }
        if (!method.equals("GET")) {
            throw new ApiException(405, "method_not_allowed", method + " " + path + " is not allowed");
        }
        String[] parts = path.substring(1).split("/");
        if (parts.length == 3 && parts[1].equals("orders")) {
            return exchange.read(() -> new Answer(200, obj("order", Wire.restOrder(exchange.order(account, parts[2])))));
        }
        if (parts.length != 2) {
            throw ApiException.notFound("no such endpoint " + path);
        }
        return switch (parts[1]) {
            case "balance" -> balance(call, account);
            case "positions" -> positions(call, account);
            case "fills" -> fills(call, account);
            case "settlements" -> settlements(call, account);
            case "orders" -> orders(call, account);
            default -> throw ApiException.notFound("no such endpoint " + path);
        };
    }

    private Answer balance(Call call, SimAccount account) {
        Long index = longParam(call, "exchange_index");
        return exchange.read(() -> {
            boolean crypto = index == null || index == Wire.CRYPTO_EXCHANGE_INDEX;
            Money available = crypto ? account.available() : Money.ZERO;
            long portfolio = 0;
            if (crypto) {
                for (SimAccount.Position p : account.positions.values()) {
                    portfolio += p.exposure.cents();
                }
            }
            return new Answer(200, obj("balance", available.cents(), "balance_dollars", available.toDollars(),
                    "portfolio_value", portfolio, "updated_ts", account.updated.getEpochSecond(),
                    "balance_breakdown", List.of(obj("exchange_index", Wire.CRYPTO_EXCHANGE_INDEX,
                            "balance", account.available().toDollars()))));
        });
    }

    private Answer positions(Call call, SimAccount account) {
        int limit = limit(call, 100, 1000);
        String ticker = call.param("ticker");
        String event = call.param("event_ticker");
        return exchange.read(() -> {
            List<SimAccount.Position> matching = account.positions.values().stream()
                    .filter(p -> ticker == null || p.ticker.equals(ticker))
                    .filter(p -> event == null || p.eventTicker.equals(event)).toList();
            Page<SimAccount.Position> page = page(matching, p -> p.ticker, limit, call.param("cursor"));
            Map<String, List<SimAccount.Position>> byEvent = new java.util.LinkedHashMap<>();
            page.items().forEach(p -> byEvent.computeIfAbsent(p.eventTicker, e -> new ArrayList<>()).add(p));
            List<Map<String, Object>> events = byEvent.entrySet().stream().map(e -> {
                Money cost = Money.ZERO;
                Money pnl = Money.ZERO;
                Money fees = Money.ZERO;
                long shares = 0;
                for (SimAccount.Position p : e.getValue()) {
                    cost = cost.plus(p.totalTraded);
                    pnl = pnl.plus(p.realizedPnl);
                    fees = fees.plus(p.feesPaid);
                    shares += p.contracts.abs().units();
                }
                Money exposure = e.getValue().stream().map(p -> p.exposure).reduce(Money.ZERO, Money::plus);
                return obj("event_ticker", e.getKey(), "total_cost_dollars", cost.toDollars(),
                        "total_cost_shares_fp", new Count(shares).toFp(), "event_exposure_dollars", exposure.toDollars(),
                        "realized_pnl_dollars", pnl.toDollars(), "fees_paid_dollars", fees.toDollars());
            }).toList();
            return new Answer(200, obj("market_positions", page.items().stream().map(Wire::restPosition).toList(),
                    "event_positions", events, "cursor", page.cursor()));
        });
    }

    private Answer fills(Call call, SimAccount account) {
        int limit = limit(call, 100, 1000);
        String ticker = call.param("ticker");
        String orderId = call.param("order_id");
        Long minTs = longParam(call, "min_ts");
        Long maxTs = longParam(call, "max_ts");
        return exchange.read(() -> {
            List<SimAccount.Fill> matching = account.fills.reversed().stream()
                    .filter(f -> ticker == null || f.ticker().equals(ticker))
                    .filter(f -> orderId == null || f.orderId().equals(orderId))
                    .filter(f -> minTs == null || f.time().getEpochSecond() >= minTs)
                    .filter(f -> maxTs == null || f.time().getEpochSecond() <= maxTs).toList();
            Page<SimAccount.Fill> page = page(matching, SimAccount.Fill::fillId, limit, call.param("cursor"));
            return new Answer(200, obj("fills", page.items().stream().map(Wire::restFill).toList(),
                    "cursor", page.cursor()));
        });
    }

    private Answer settlements(Call call, SimAccount account) {
        int limit = limit(call, 100, 1000);
        String ticker = call.param("ticker");
        String event = call.param("event_ticker");
        return exchange.read(() -> {
            List<SimAccount.Settlement> matching = account.settlements.reversed().stream()
                    .filter(s -> ticker == null || s.ticker().equals(ticker))
                    .filter(s -> event == null || s.eventTicker().equals(event)).toList();
            Page<SimAccount.Settlement> page = page(matching, SimAccount.Settlement::ticker, limit, call.param("cursor"));
            return new Answer(200, obj("settlements", page.items().stream().map(Wire::restSettlement).toList(),
                    "cursor", page.cursor()));
        });
    }

    private Answer orders(Call call, SimAccount account) {
        int limit = limit(call, 100, 1000);
        String ticker = call.param("ticker");
        Set<String> events = csv(call.param("event_ticker"));
        String status = call.param("status");
        if (status != null && !Set.of("resting", "canceled", "executed").contains(status)) {
            throw ApiException.badRequest("invalid_parameters", "status must be resting, canceled or executed");
        }
        Long minTs = longParam(call, "min_ts");
        Long maxTs = longParam(call, "max_ts");
        return exchange.read(() -> {
            List<SimOrder> matching = account.orders.values().stream().toList().reversed().stream()
                    .filter(o -> ticker == null || o.ticker.equals(ticker))
                    .filter(o -> events == null || events.stream().anyMatch(e -> o.ticker.startsWith(e + "-")))
                    .filter(o -> status == null || o.status.name().equalsIgnoreCase(status))
                    .filter(o -> minTs == null || o.created.getEpochSecond() >= minTs)
                    .filter(o -> maxTs == null || o.created.getEpochSecond() <= maxTs).toList();
            Page<SimOrder> page = page(matching, o -> o.orderId, limit, call.param("cursor"));
            return new Answer(200, obj("orders", page.items().stream().map(Wire::restOrder).toList(),
                    "cursor", page.cursor()));
        });
    }

    // ---------------------------------------------------------------- order writes (V2)

    private Answer orderWrites(Call call, SimAccount account, HttpServletRequest request) throws IOException {
        String rest = call.path().substring("/portfolio/events/orders".length());
        String method = call.method();
        if (rest.isEmpty() && method.equals("POST")) {
            SimOrder order = createOrder(account, body(request));
            return new Answer(201, outcome(order));
        }
        if (rest.equals("/batched") && method.equals("POST")) {
            JsonNode orders = body(request).path("orders");
            if (!orders.isArray() || orders.isEmpty()) {
                throw ApiException.badRequest("invalid_parameters", "orders must be a non-empty array");
            }
            List<Map<String, Object>> results = new ArrayList<>();
            for (JsonNode item : orders) {
                try {
                    Map<String, Object> result = outcome(createOrder(account, item));
                    result.put("error", null);
                    results.add(result);
                } catch (ApiException e) {
                    results.add(obj("client_order_id", text(item, "client_order_id"),
                            "error", obj("code", e.code(), "message", e.getMessage())));
                }
            }
            return new Answer(201, obj("orders", results));
        }
        if (rest.equals("/batched") && method.equals("DELETE")) {
            JsonNode orders = body(request).path("orders");
            if (!orders.isArray() || orders.isEmpty()) {
                throw ApiException.badRequest("invalid_parameters", "orders must be a non-empty array");
            }
            List<Map<String, Object>> results = new ArrayList<>();
            for (JsonNode item : orders) {
                String id = text(item, "order_id");
                try {
                    if (id == null) {
                        throw ApiException.badRequest("invalid_parameters", "order_id is required");
                    }
                    Map<String, Object> result = cancelOutcome(account, id);
                    result.put("error", null);
                    results.add(result);
                } catch (ApiException e) {
                    results.add(obj("order_id", id, "error", obj("code", e.code(), "message", e.getMessage())));
                }
            }
            return new Answer(200, obj("orders", results));
        }
        String[] parts = rest.substring(Math.min(1, rest.length())).split("/");
        if (parts.length == 1 && !parts[0].isEmpty() && method.equals("DELETE")) {
            return new Answer(200, cancelOutcome(account, parts[0]));
        }
        if (parts.length == 2 && parts[1].equals("amend") && method.equals("POST")) {
            JsonNode body = body(request);
            SimOrder order = exchange.amend(account, parts[0], required(body, "ticker"), side(body),
                    price(body, "price"), count(body, "count"), text(body, "updated_client_order_id"));
            Map<String, Object> result = outcome(order);
            return new Answer(200, result);
        }
        if (parts.length == 2 && parts[1].equals("decrease") && method.equals("POST")) {
            JsonNode body = body(request);
            boolean by = body.has("reduce_by");
            boolean to = body.has("reduce_to");
            if (by == to) {
                throw ApiException.badRequest("invalid_parameters", "exactly one of reduce_by and reduce_to is required");
            }
            SimOrder order = exchange.decrease(account, parts[0], by ? count(body, "reduce_by") : null,
                    to ? countAllowZero(body, "reduce_to") : null);
            Map<String, Object> result = obj("order_id", order.orderId);
            if (order.clientOrderId != null) {
                result.put("client_order_id", order.clientOrderId);
            }
            result.put("remaining_count", order.remaining.toFp());
            result.put("ts_ms", exchange.now().toEpochMilli());
            return new Answer(200, result);
        }
        throw ApiException.notFound("no such order endpoint " + method + " " + call.path());
    }

    private Map<String, Object> outcome(SimOrder order) {
        Map<String, Object> result = Wire.orderOutcome(order);
        result.put("ts_ms", exchange.now().toEpochMilli());
        return result;
    }

    private Map<String, Object> cancelOutcome(SimAccount account, String orderId) {
        Exchange.Cancelled cancelled = exchange.cancel(account, orderId);
        SimOrder order = cancelled.order();
        Map<String, Object> result = obj("order_id", order.orderId);
        if (order.clientOrderId != null) {
            result.put("client_order_id", order.clientOrderId);
        }
        result.put("reduced_by", cancelled.reducedBy().toFp());
        result.put("ts_ms", exchange.now().toEpochMilli());
        return result;
    }

    private SimOrder createOrder(SimAccount account, JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.badRequest("invalid_parameters", "order must be a JSON object");
        }
        String tif = required(body, "time_in_force");
        if (!TIME_IN_FORCE.contains(tif)) {
            throw ApiException.badRequest("invalid_parameters", "time_in_force must be one of " + TIME_IN_FORCE);
        }
        String stp = required(body, "self_trade_prevention_type");
        if (!SELF_TRADE.contains(stp)) {
            throw ApiException.badRequest("invalid_parameters", "self_trade_prevention_type must be taker_at_cross or maker");
        }
        Long expiration = null;
        if (body.has("expiration_time") && !body.get("expiration_time").isNull()) {
            if (!tif.equals("good_till_canceled")) {
                throw ApiException.badRequest("invalid_parameters", "expiration_time is only allowed with good_till_canceled");
            }
            expiration = integral(body, "expiration_time");
        }
        if (body.has("subaccount") && body.get("subaccount").asLong(-1) != 0) {
            throw ApiException.badRequest("invalid_parameters", "subaccount must be 0 (the simulator has no subaccounts)");
        }
        if (body.has("exchange_index") && !body.get("exchange_index").isNull()) {
            long index = integral(body, "exchange_index");
            if (index != -1 && index != Wire.CRYPTO_EXCHANGE_INDEX) {
                throw ApiException.badRequest("invalid_parameters", "crypto markets are on exchange_index 2, got " + index);
            }
        }
        String clientOrderId = text(body, "client_order_id");
        if (clientOrderId != null && (clientOrderId.isBlank() || clientOrderId.length() > 64)) {
            throw ApiException.badRequest("invalid_parameters", "client_order_id must be 1 to 64 characters");
        }
        Exchange.OrderRequest request = new Exchange.OrderRequest(required(body, "ticker"), clientOrderId, side(body),
                count(body, "count"), price(body, "price"), tif, stp, flag(body, "post_only"), flag(body, "reduce_only"),
                expiration, flag(body, "cancel_order_on_pause"));
        return exchange.create(account, request);
    }

    private static SimOrder.BookSide side(JsonNode body) {
        String side = required(body, "side");
        return switch (side) {
            case "bid" -> SimOrder.BookSide.BID;
            case "ask" -> SimOrder.BookSide.ASK;
            default -> throw ApiException.badRequest("invalid_parameters", "side must be bid or ask, got '" + side + "'");
        };
    }

    private static Count count(JsonNode body, String field) {
        Count count = countAllowZero(body, field);
        if (!count.isPositive()) {
            throw ApiException.badRequest("invalid_order_size", field + " must be at least 0.01, got " + count.toFp());
        }
        return count;
    }

    private static Count countAllowZero(JsonNode body, String field) {
        String text = numberText(body, field);
        try {
            Count count = Count.parse(text);
            if (count.units() < 0) {
                throw ApiException.badRequest("invalid_order_size", field + " must not be negative");
            }
            return count;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_parameters", field + " '" + text + "' is not a count with up to 2 decimals");
        }
    }

    private static Price price(JsonNode body, String field) {
        String text = numberText(body, field);
        try {
            return Price.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_order", field + " '" + text + "' is not a dollar price between 0 and 1");
        }
    }

    private static String numberText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("invalid_parameters", field + " is required");
        }
        if (node.isString() || node.isNumber()) {
            return node.asString();
        }
        throw ApiException.badRequest("invalid_parameters", field + " must be a fixed-point string");
    }

    private static String required(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("invalid_parameters", field + " is required");
        }
        return value;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw ApiException.badRequest("invalid_parameters", field + " must be a string");
        }
        return node.asString();
    }

    private static boolean flag(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw ApiException.badRequest("invalid_parameters", field + " must be true or false");
        }
        return node.asBoolean();
    }

    private static JsonNode body(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(1 << 20);
        if (bytes.length == 0) {
            throw ApiException.badRequest("bad_request", "request body is empty; expected JSON");
        }
        return Json.MAPPER.readTree(bytes);
    }

    // ---------------------------------------------------------------- paging and parameters

    private record Page<T>(List<T> items, String cursor) {
    }

    /** Cursor = base64url of the last key returned; the next page starts after it. */
    private static <T> Page<T> page(List<T> items, Function<T, String> key, int limit, String cursor) {
        int start = 0;
        if (cursor != null) {
            String after;
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("invalid_parameters", "cursor is not one this exchange issued");
            }
            start = -1;
            for (int i = 0; i < items.size(); i++) {
                if (key.apply(items.get(i)).equals(after)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw ApiException.badRequest("invalid_parameters", "cursor is not one this exchange issued");
            }
        }
        int end = Math.min(items.size(), start + limit);
        List<T> slice = items.subList(start, end);
        String next = end < items.size() && !slice.isEmpty()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                key.apply(slice.getLast()).getBytes(StandardCharsets.UTF_8)) : "";
        return new Page<>(slice, next);
    }

    private static int limit(Call call, int defaultLimit, int max) {
        Long limit = longParam(call, "limit");
        if (limit == null) {
            return defaultLimit;
        }
        if (limit < 1 || limit > max) {
            throw ApiException.badRequest("invalid_parameters", "limit must be 1 to " + max + ", got " + limit);
        }
        return limit.intValue();
    }

    private static Long longParam(Call call, String name) {
        String value = call.param(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_parameters", name + " must be an integer, got '" + value + "'");
        }
    }

    private static Set<String> csv(String value) {
        return value == null ? null : Set.copyOf(Arrays.stream(value.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
    }

}
