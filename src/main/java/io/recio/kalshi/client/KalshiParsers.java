package io.recio.kalshi.client;

import io.recio.kalshi.BookSide;
import io.recio.kalshi.ExchangeStatus;
import io.recio.kalshi.KalshiBalance;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiPosition;
import io.recio.kalshi.KalshiSettlement;
import io.recio.kalshi.OrderOutcome;
import io.recio.kalshi.OrderStatus;
import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Strike;
import io.recio.market.StrikeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Kalshi's current (fixed-point) REST and WebSocket payloads into recio's types. Every missing or malformed
 * field is a {@link KalshiFormatException} naming the object and field; a payload in the legacy integer shape is
 * a {@link LegacyFormatException}.
 */
public final class KalshiParsers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KalshiParsers() {
    }

    public static JsonMapper json() {
        return JSON;
    }

    public static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            throw new KalshiFormatException("Kalshi sent a body that is not JSON: " + abbreviate(text));
        }
    }

    // ---- REST objects ------------------------------------------------------------------------------------

    public static KalshiMarket market(JsonNode m) {
        rejectLegacy(m, "market", "yes_bid", "yes_bid_dollars");
        String what = "market " + m.path("ticker").asString("?");
        Strike strike = strike(m, what);
        return new KalshiMarket(str(m, "ticker", what), str(m, "event_ticker", what), strike, str(m, "status", what),
                instant(m, "open_time", what), instant(m, "close_time", what), price(m, "yes_bid_dollars", what),
                count(m, "yes_bid_size_fp", what), price(m, "yes_ask_dollars", what),
                count(m, "yes_ask_size_fp", what), price(m, "last_price_dollars", what), count(m, "volume_fp", what),
                m.path("result").asString(""), m.path("expiration_value").asString(""),
                m.path("exchange_index").asInt(-1));
    }

    public static List<KalshiMarket> markets(JsonNode body) {
        return list(body, "markets", KalshiParsers::market);
    }

    public static KalshiEvent event(JsonNode e) {
        String what = "event " + e.path("event_ticker").asString("?");
        List<KalshiMarket> markets = e.has("markets") && e.get("markets").isArray()
                ? list(e, "markets", KalshiParsers::market) : List.of();
        return new KalshiEvent(str(e, "event_ticker", what), str(e, "series_ticker", what),
                e.path("title").asString(""), e.path("exchange_index").asInt(-1), markets);
    }

    /** The book of {@code GET /markets/{ticker}/orderbook} ({@code orderbook_fp}). */
    public static OrderbookLevels orderbook(String ticker, JsonNode body) {
        if (body.has("orderbook") && !body.has("orderbook_fp")) {
            throw new LegacyFormatException("orderbook of " + ticker, "orderbook");
        }
        JsonNode book = body.path("orderbook_fp");
        if (!book.isObject()) {
            throw new KalshiFormatException("orderbook of " + ticker + " has no orderbook_fp object");
        }
        return new OrderbookLevels(ticker, levels(book.path("yes_dollars"), "orderbook " + ticker + " yes_dollars"),
                levels(book.path("no_dollars"), "orderbook " + ticker + " no_dollars"));
    }

    public static ExchangeStatus exchangeStatus(JsonNode s) {
        Map<Integer, Boolean> shards = new LinkedHashMap<>();
        for (JsonNode shard : s.path("exchange_index_statuses")) {
            shards.put(shard.path("exchange_index").asInt(), shard.path("trading_active").asBoolean()
                    && shard.path("exchange_active").asBoolean());
        }
        if (!s.has("exchange_active") || !s.has("trading_active")) {
            throw new KalshiFormatException("exchange status lacks exchange_active/trading_active");
        }
        JsonNode resume = s.path("exchange_estimated_resume_time");
        return new ExchangeStatus(s.get("exchange_active").asBoolean(), s.get("trading_active").asBoolean(), shards,
                resume.isString() && !resume.asString().isEmpty() ? parseInstant(resume.asString(), "resume time")
                        : null);
    }

    public static ExchangeSchedule schedule(JsonNode body) {
        List<ExchangeSchedule.Window> windows = new ArrayList<>();
        for (JsonNode w : body.path("schedule").path("maintenance_windows")) {
            windows.add(new ExchangeSchedule.Window(instant(w, "start_datetime", "maintenance window"),
                    instant(w, "end_datetime", "maintenance window")));
        }
        return new ExchangeSchedule(List.copyOf(windows));
    }

    public static KalshiBalance balance(JsonNode b) {
        String what = "balance";
        if (!b.has("balance") || !b.get("balance").isNumber()) {
            throw new KalshiFormatException("balance lacks the integer-cent field 'balance'");
        }
        Money available = b.has("balance_dollars") ? Money.parse(b.get("balance_dollars").asString())
                : Money.ofCents(b.get("balance").asLong());
        Map<Integer, Money> shards = new LinkedHashMap<>();
        for (JsonNode shard : b.path("balance_breakdown")) {
            shards.put(shard.path("exchange_index").asInt(), money(shard, "balance", what + " breakdown"));
        }
        long updated = b.path("updated_ts").asLong(0);
        return new KalshiBalance(available, Money.ofCents(b.path("portfolio_value").asLong(0)), shards,
                Instant.ofEpochSecond(updated));
    }

    public static KalshiPosition position(JsonNode p) {
        rejectLegacy(p, "position", "position", "position_fp");
        String what = "position " + p.path("ticker").asString("?");
        JsonNode updated = p.path("last_updated_ts");
        return new KalshiPosition(str(p, "ticker", what), count(p, "position_fp", what),
                money(p, "market_exposure_dollars", what), money(p, "realized_pnl_dollars", what),
                money(p, "fees_paid_dollars", what),
                updated.isString() ? parseInstant(updated.asString(), what + " last_updated_ts") : Instant.EPOCH);
    }

    public static KalshiOrder order(JsonNode o) {
        rejectLegacy(o, "order", "fill_count", "fill_count_fp");
        String what = "order " + o.path("order_id").asString("?");
        Instant created = optInstant(o, "created_time", what);
        Instant updated = optInstant(o, "last_update_time", what);
        return new KalshiOrder(str(o, "order_id", what), o.path("client_order_id").asString(""),
                str(o, "ticker", what), side(o, "outcome_side", what), bookSide(o, what),
                OrderStatus.parse(str(o, "status", what)), price(o, "yes_price_dollars", what),
                count(o, "initial_count_fp", what), count(o, "fill_count_fp", what),
                count(o, "remaining_count_fp", what), money(o, "taker_fees_dollars", what),
                money(o, "maker_fees_dollars", what), money(o, "taker_fill_cost_dollars", what),
                money(o, "maker_fill_cost_dollars", what), created, updated != null ? updated : created);
    }

    public static KalshiFill fill(JsonNode f) {
        rejectLegacy(f, "fill", "count", "count_fp");
        String what = "fill " + f.path("trade_id").asString("?");
        Instant at = f.has("created_time") ? instant(f, "created_time", what)
                : f.has("ts") ? Instant.ofEpochSecond(f.get("ts").asLong()) : null;
        if (at == null) {
            throw new KalshiFormatException(what + " has neither created_time nor ts");
        }
        return new KalshiFill(str(f, "trade_id", what), str(f, "order_id", what),
                f.has("market_ticker") ? str(f, "market_ticker", what) : str(f, "ticker", what),
                side(f, "outcome_side", what), bookSide(f, what), count(f, "count_fp", what),
                price(f, "yes_price_dollars", what), f.path("is_taker").asBoolean(), money(f, "fee_cost", what), at,
                f.path("exchange_index").asInt(-1));
    }

    public static KalshiSettlement settlement(JsonNode s) {
        rejectLegacy(s, "settlement", "yes_count", "yes_count_fp");
        String what = "settlement " + s.path("ticker").asString("?");
        return new KalshiSettlement(str(s, "ticker", what), s.path("event_ticker").asString(""),
                str(s, "market_result", what), count(s, "yes_count_fp", what),
                money(s, "yes_total_cost_dollars", what), count(s, "no_count_fp", what),
                money(s, "no_total_cost_dollars", what), Money.ofCents(s.path("revenue").asLong(0)),
                s.has("fee_cost") ? money(s, "fee_cost", what) : Money.ZERO, instant(s, "settled_time", what));
    }

    public static KalshiTrade trade(JsonNode t) {
        rejectLegacy(t, "trade", "count", "count_fp");
        String what = "trade " + t.path("trade_id").asString("?");
        Instant at = t.has("created_time") ? instant(t, "created_time", what)
                : Instant.ofEpochMilli(t.path("ts_ms").asLong());
        return new KalshiTrade(str(t, "trade_id", what),
                t.has("ticker") ? str(t, "ticker", what) : str(t, "market_ticker", what), count(t, "count_fp", what),
                price(t, "yes_price_dollars", what), t.path("taker_outcome_side").asString(""), at);
    }

    /** The 201 body of {@code POST /portfolio/events/orders}. */
    public static OrderOutcome.Accepted createOrderResponse(JsonNode r, String requestedClientOrderId) {
        if (r.has("order") && !r.has("fill_count")) {
            throw new LegacyFormatException("create-order response", "order");
        }
        String what = "create-order response";
        Count filled = count(r, "fill_count", what);
        return new OrderOutcome.Accepted(str(r, "order_id", what),
                r.path("client_order_id").asString(requestedClientOrderId), filled, count(r, "remaining_count", what),
                r.hasNonNull("average_fill_price") ? price(r, "average_fill_price", what) : null,
                r.hasNonNull("average_fee_paid") ? money(r, "average_fee_paid", what) : null,
                r.has("ts_ms") ? Instant.ofEpochMilli(r.get("ts_ms").asLong()) : null);
    }

    /** Kalshi's error body: {@code {"error":{"code","message","details"}}} or {@code {"error":"text"}}. */
    public static ApiError error(String body) {
        try {
            JsonNode e = JSON.readTree(body).path("error");
            if (e.isString()) {
                return new ApiError(e.asString().replace(' ', '_'), e.asString(), null);
            }
            if (e.isObject()) {
                String code = e.path("code").asString("unknown");
                return new ApiError(code, e.path("message").asString(code), e.path("details").asString(null));
            }
        } catch (RuntimeException ignored) {
            // not JSON: fall through to the raw text, which is still worth reporting
        }
        return new ApiError("unknown", abbreviate(body), null);
    }

    /** The readable content of an error body. */
    public record ApiError(String code, String message, String details) {
    }

    // ---- WebSocket messages ------------------------------------------------------------------------------

    public static WsMessage wsMessage(String text) {
        return wsMessage(tree(text));
    }

    public static WsMessage wsMessage(JsonNode m) {
        String type = m.path("type").asString("");
        long sid = m.path("sid").asLong(0);
        long seq = m.path("seq").asLong(0);
        JsonNode msg = m.path("msg");
        return switch (type) {
            case "orderbook_snapshot" -> {
                rejectLegacy(msg, "orderbook_snapshot", "yes_dollars", "yes_dollars_fp");
                String ticker = str(msg, "market_ticker", "orderbook_snapshot");
                yield new WsMessage.Snapshot(sid, seq, new OrderbookLevels(ticker,
                        levels(msg.path("yes_dollars_fp"), "orderbook_snapshot " + ticker + " yes_dollars_fp"),
                        levels(msg.path("no_dollars_fp"), "orderbook_snapshot " + ticker + " no_dollars_fp")));
            }
            case "orderbook_delta" -> {
                rejectLegacy(msg, "orderbook_delta", "delta", "delta_fp");
                String what = "orderbook_delta " + msg.path("market_ticker").asString("?");
                yield new WsMessage.Delta(sid, seq, str(msg, "market_ticker", what), side(msg, "side", what),
                        price(msg, "price_dollars", what), count(msg, "delta_fp", what), msg.path("ts_ms").asLong(0));
            }
            case "ticker" -> {
                rejectLegacy(msg, "ticker", "volume", "volume_fp");
                String what = "ticker " + msg.path("market_ticker").asString("?");
                yield new WsMessage.Ticker(sid, str(msg, "market_ticker", what), price(msg, "price_dollars", what),
                        price(msg, "yes_bid_dollars", what), price(msg, "yes_ask_dollars", what),
                        count(msg, "yes_bid_size_fp", what), count(msg, "yes_ask_size_fp", what),
                        count(msg, "volume_fp", what), msg.path("ts_ms").asLong(0));
            }
            case "market_lifecycle_v2" -> new WsMessage.Lifecycle(sid, str(msg, "market_ticker", type),
                    str(msg, "event_type", type), msg.path("close_ts").asLong(0), msg.path("result").asString(""));
            case "fill" -> {
                rejectLegacy(msg, "fill", "count", "count_fp");
                String what = "fill " + msg.path("trade_id").asString("?");
                KalshiFill fill = new KalshiFill(str(msg, "trade_id", what), str(msg, "order_id", what),
                        str(msg, "market_ticker", what), fillSide(msg, what), fillBookSide(msg, what),
                        count(msg, "count_fp", what), price(msg, "yes_price_dollars", what),
                        msg.path("is_taker").asBoolean(),
                        msg.has("fee_cost") ? money(msg, "fee_cost", what) : Money.ZERO,
                        msg.has("ts_ms") ? Instant.ofEpochMilli(msg.get("ts_ms").asLong())
                                : Instant.ofEpochSecond(msg.path("ts").asLong()),
                        msg.path("exchange_index").asInt(-1));
                yield new WsMessage.Fill(sid, fill,
                        msg.has("post_position_fp") ? count(msg, "post_position_fp", what) : null);
            }
            case "user_order" -> new WsMessage.UserOrder(sid, userOrder(msg));
            case "market_position" -> {
                rejectLegacy(msg, "market_position", "position", "position_fp");
                String what = "market_position " + msg.path("market_ticker").asString("?");
                yield new WsMessage.Position(sid, new KalshiPosition(str(msg, "market_ticker", what),
                        count(msg, "position_fp", what), money(msg, "position_cost_dollars", what),
                        money(msg, "realized_pnl_dollars", what), money(msg, "fees_paid_dollars", what),
                        Instant.EPOCH));
            }
            case "cfbenchmarks_value" -> {
                String indexId = str(msg, "index_id", type);
                JsonNode data = tree(str(msg, "data", "cfbenchmarks_value " + indexId));
                String value = str(data, "value", "cfbenchmarks_value " + indexId + " data");
                long time = data.has("time") ? data.get("time").asLong() : msg.path("received_at").asLong();
                JsonNode avg = msg.path("avg_60s_data").path("value");
                yield new WsMessage.IndexPrint(sid, seq, indexId, value, avg.isString() ? avg.asString() : null,
                        time);
            }
            case "subscribed" -> new WsMessage.Subscribed(m.path("id").asLong(0), msg.path("sid").asLong(0),
                    msg.path("channel").asString(""));
            case "ok" -> new WsMessage.Ok(m.path("id").asLong(0), sid, seq);
            case "unsubscribed" -> new WsMessage.Unsubscribed(m.path("id").asLong(0), sid, seq);
            case "error" -> new WsMessage.Error(m.path("id").asLong(0), msg.path("code").asInt(0),
                    msg.path("msg").asString(""));
            case "" -> throw new KalshiFormatException("WebSocket message without type: " + abbreviate(m.toString()));
            default -> new WsMessage.Other(sid, seq, type);
        };
    }

    private static KalshiOrder userOrder(JsonNode o) {
        String what = "user_order " + o.path("order_id").asString("?");
        Instant created = o.has("created_ts_ms") ? Instant.ofEpochMilli(o.get("created_ts_ms").asLong())
                : optInstant(o, "created_time", what);
        Instant updated = o.has("last_updated_ts_ms") ? Instant.ofEpochMilli(o.get("last_updated_ts_ms").asLong())
                : created;
        Side outcome = o.has("outcome_side") ? side(o, "outcome_side", what) : legacySide(o, what);
        BookSide book = o.has("book_side") ? bookSide(o, what) : outcome == Side.YES ? BookSide.BID : BookSide.ASK;
        return new KalshiOrder(str(o, "order_id", what), o.path("client_order_id").asString(""),
                str(o, "ticker", what), outcome, book, OrderStatus.parse(str(o, "status", what)),
                price(o, "yes_price_dollars", what), count(o, "initial_count_fp", what),
                count(o, "fill_count_fp", what), count(o, "remaining_count_fp", what),
                o.has("taker_fees_dollars") ? money(o, "taker_fees_dollars", what) : Money.ZERO,
                o.has("maker_fees_dollars") ? money(o, "maker_fees_dollars", what) : Money.ZERO,
                money(o, "taker_fill_cost_dollars", what), money(o, "maker_fill_cost_dollars", what), created,
                updated);
    }

    /**
     * The fill's outcome side. The asyncapi example predates {@code outcome_side} and has only
     * {@code purchased_side}/{@code side}; those name the outcome side of a buy.
     */
    private static Side fillSide(JsonNode f, String what) {
        if (f.has("outcome_side")) {
            return side(f, "outcome_side", what);
        }
        if (f.has("purchased_side")) {
            return side(f, "purchased_side", what);
        }
        throw new KalshiFormatException(what + " has no outcome_side");
    }

    private static BookSide fillBookSide(JsonNode f, String what) {
        if (f.has("book_side")) {
            return bookSide(f, what);
        }
        return fillSide(f, what) == Side.YES ? BookSide.BID : BookSide.ASK;
    }

    private static Side legacySide(JsonNode o, String what) {
        if (o.has("side")) {
            return side(o, "side", what);
        }
        throw new KalshiFormatException(what + " has no outcome_side");
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static Strike strike(JsonNode m, String what) {
        if (!m.hasNonNull("strike_type")) {
            return null;
        }
        StrikeType type;
        try {
            type = StrikeType.parse(m.get("strike_type").asString());
        } catch (IllegalArgumentException e) {
            return null; // functional/custom/structured strikes are outside recio's markets
        }
        try {
            return new Strike(type, spot(m, "floor_strike"), spot(m, "cap_strike"));
        } catch (IllegalArgumentException e) {
            throw new KalshiFormatException(what + ": " + e.getMessage());
        }
    }

    private static SpotPrice spot(JsonNode m, String field) {
        JsonNode n = m.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        // floor_strike is a JSON number (92799.99); read its decimal text, never through a double.
        return SpotPrice.parse(n.isNumber() ? n.decimalValue().toPlainString() : n.asString());
    }

    private static List<OrderbookLevels.Level> levels(JsonNode array, String what) {
        if (array.isMissingNode() || array.isNull()) {
            return List.of(); // Kalshi omits an empty side
        }
        if (!array.isArray()) {
            throw new KalshiFormatException(what + " is not an array of [price, count] pairs");
        }
        List<OrderbookLevels.Level> levels = new ArrayList<>(array.size());
        for (JsonNode pair : array) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isString() || !pair.get(1).isString()) {
                throw new KalshiFormatException(what + " level " + pair + " is not [\"price\", \"count\"]");
            }
            try {
                levels.add(new OrderbookLevels.Level(Price.parse(pair.get(0).asString()),
                        Count.parse(pair.get(1).asString())));
            } catch (IllegalArgumentException e) {
                throw new KalshiFormatException(what + " level " + pair + ": " + e.getMessage());
            }
        }
        return List.copyOf(levels);
    }

    private static <T> List<T> list(JsonNode body, String field, java.util.function.Function<JsonNode, T> item) {
        JsonNode array = body.path(field);
        if (!array.isArray()) {
            throw new KalshiFormatException("response has no '" + field + "' array");
        }
        List<T> out = new ArrayList<>(array.size());
        for (JsonNode n : array) {
            out.add(item.apply(n));
        }
        return out;
    }

    static void rejectLegacy(JsonNode n, String what, String legacyField, String currentField) {
        if (n.has(legacyField) && n.get(legacyField).isNumber() && !n.has(currentField)) {
            throw new LegacyFormatException(what, legacyField);
        }
        if (n.has(legacyField) && n.get(legacyField).isArray() && !n.has(currentField)) {
            throw new LegacyFormatException(what, legacyField);
        }
    }

    static String str(JsonNode n, String field, String what) {
        JsonNode v = n.path(field);
        if (!v.isString()) {
            throw new KalshiFormatException(what + " lacks string field '" + field + "'");
        }
        return v.asString();
    }

    static Price price(JsonNode n, String field, String what) {
        String text = str(n, field, what);
        try {
            return Price.parse(text);
        } catch (IllegalArgumentException e) {
            throw new KalshiFormatException(what + " field '" + field + "': " + e.getMessage());
        }
    }

    static Count count(JsonNode n, String field, String what) {
        String text = str(n, field, what);
        try {
            return Count.parse(text);
        } catch (IllegalArgumentException e) {
            throw new KalshiFormatException(what + " field '" + field + "': " + e.getMessage());
        }
    }

    /** Dollar amounts; fee and cost fields carry up to 6 decimals and are rounded up to $0.0001. */
    static Money money(JsonNode n, String field, String what) {
        String text = str(n, field, what);
        try {
            return new BigDecimal(text.trim()).scale() > Money.SCALE ? Money.parseRoundingUp(text) : Money.parse(text);
        } catch (IllegalArgumentException e) {
            throw new KalshiFormatException(what + " field '" + field + "': " + e.getMessage());
        }
    }

    static Side side(JsonNode n, String field, String what) {
        try {
            return Side.parse(str(n, field, what));
        } catch (IllegalArgumentException e) {
            throw new KalshiFormatException(what + " field '" + field + "': " + e.getMessage());
        }
    }

    static BookSide bookSide(JsonNode n, String what) {
        try {
            return BookSide.parse(str(n, "book_side", what));
        } catch (IllegalArgumentException e) {
            throw new KalshiFormatException(what + ": " + e.getMessage());
        }
    }

    static Instant instant(JsonNode n, String field, String what) {
        return parseInstant(str(n, field, what), what + " field '" + field + "'");
    }

    static Instant optInstant(JsonNode n, String field, String what) {
        return n.path(field).isString() ? instant(n, field, what) : null;
    }

    static Instant parseInstant(String text, String what) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new KalshiFormatException(what + " '" + text + "' is not an RFC 3339 time");
            }
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "(empty)";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
