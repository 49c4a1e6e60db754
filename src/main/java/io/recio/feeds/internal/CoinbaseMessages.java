package io.recio.feeds.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses Coinbase Exchange feed frames ({@code reference/coinbase-ws.md} §1): the {@code ticker} and
 * {@code heartbeat} messages a price reader needs, {@code subscriptions} and {@code error}; every other type
 * is returned as {@link Other} (Coinbase adds types without notice). Unknown fields are ignored. Prices are
 * decimal strings parsed exactly into $0.0001 units, never through a double.
 */
public final class CoinbaseMessages {

    /** A frame that is not a usable message (not JSON, a required field missing or of the wrong kind). */
    public static final class MalformedFrameException extends Exception {
        public MalformedFrameException(String message) {
            super(message, null, false, false);
        }
    }

    /** A parsed feed message. */
    public sealed interface Message permits Ticker, Heartbeat, Subscriptions, ErrorMessage, Other {
    }

    /**
     * A {@code ticker}: the last trade of a product.
     *
     * @param priceUnits the trade price in $0.0001 units (may be zero or negative: the feed rejects those)
     * @param tradeId    the trade id, or -1 when absent
     * @param sequence   the product sequence, or -1 when absent
     * @param time       the engine time of the trade, or null when absent
     */
    public record Ticker(String productId, long priceUnits, long tradeId, long sequence, Instant time)
            implements Message {
    }

    /** A {@code heartbeat}: the product is alive, with the id of its last trade (-1 when absent). */
    public record Heartbeat(String productId, long lastTradeId, long sequence, Instant time) implements Message {
    }

    /** The {@code subscriptions} answer to a subscribe. */
    public record Subscriptions(String raw) implements Message {
    }

    /** An {@code error} message from Coinbase. */
    public record ErrorMessage(String message, String reason) implements Message {
    }

    /** A message of a type this client does not use. */
    public record Other(String type) implements Message {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    /** The subscribe request for the ticker and heartbeat channels of the given products. */
    public static String subscribe(java.util.List<String> productIds) {
        StringBuilder ids = new StringBuilder();
        for (String id : productIds) {
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"');
        }
        return "{\"type\":\"subscribe\",\"product_ids\":[" + ids + "],\"channels\":[\"ticker\",\"heartbeat\"]}";
    }

    /** Parses one frame. */
    public Message parse(String frame) throws MalformedFrameException {
        JsonNode root;
        try {
            root = json.readTree(frame);
        } catch (JacksonException e) {
            throw new MalformedFrameException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedFrameException("not a JSON object");
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isString()) {
            throw new MalformedFrameException("no \"type\" string");
        }
        return switch (type.stringValue()) {
            case "ticker" -> new Ticker(requiredString(root, "product_id"), price(root), optionalLong(root, "trade_id"),
                    optionalLong(root, "sequence"), optionalTime(root));
            case "heartbeat" -> new Heartbeat(requiredString(root, "product_id"), optionalLong(root, "last_trade_id"),
                    optionalLong(root, "sequence"), optionalTime(root));
            case "subscriptions" -> new Subscriptions(frame);
            case "error" -> new ErrorMessage(root.path("message").asString(""), root.path("reason").asString(""));
            default -> new Other(type.stringValue());
        };
    }

    private static String requiredString(JsonNode root, String field) throws MalformedFrameException {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw new MalformedFrameException("\"" + field + "\" missing or not a string");
        }
        return node.stringValue();
    }

    private static long price(JsonNode root) throws MalformedFrameException {
        String text = requiredString(root, "price");
        try {
            return new BigDecimal(text).setScale(4).unscaledValue().longValueExact();
        } catch (NumberFormatException e) {
            throw new MalformedFrameException("\"price\" '" + text + "' is not a decimal number");
        } catch (ArithmeticException e) {
            throw new MalformedFrameException("\"price\" '" + text + "' has more than 4 decimals or is out of range");
        }
    }

    private static long optionalLong(JsonNode root, String field) throws MalformedFrameException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return -1;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new MalformedFrameException("\"" + field + "\" is not an integer");
        }
        return node.longValue();
    }

    private static Instant optionalTime(JsonNode root) throws MalformedFrameException {
        JsonNode node = root.get("time");
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Instant.parse(node.asString());
        } catch (DateTimeParseException e) {
            throw new MalformedFrameException("\"time\" '" + node.asString() + "' is not an RFC 3339 instant");
        }
    }
}
