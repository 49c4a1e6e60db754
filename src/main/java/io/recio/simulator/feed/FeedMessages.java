package io.recio.simulator.feed;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Coinbase Exchange feed's messages as JSON text, keys in the order the live feed sends them. */
final class FeedMessages {

    /** RFC 3339 UTC with microseconds, as the live feed writes {@code time}. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final JsonMapper mapper;

    FeedMessages(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String ticker(TradeTape.Trade t) {
        ObjectNode n = mapper.createObjectNode();
        n.put("type", "ticker");
        n.put("sequence", t.sequence());
        n.put("product_id", t.productId());
        n.put("price", cents(t.priceCents()));
        n.put("open_24h", cents(t.open24hCents()));
        n.put("volume_24h", size(t.volume24h()));
        n.put("low_24h", cents(t.low24hCents()));
        n.put("high_24h", cents(t.high24hCents()));
        n.put("volume_30d", size(t.volume30d()));
        n.put("best_bid", cents(t.bestBidCents()));
        n.put("best_bid_size", size(t.bestBidSize()));
        n.put("best_ask", cents(t.bestAskCents()));
        n.put("best_ask_size", size(t.bestAskSize()));
        n.put("side", t.side());
        n.put("time", TIME.format(t.time()));
        n.put("trade_id", t.tradeId());
        n.put("last_size", size(t.size()));
        return mapper.writeValueAsString(n);
    }

    String heartbeat(TradeTape.Heartbeat h) {
        ObjectNode n = mapper.createObjectNode();
        n.put("type", "heartbeat");
        n.put("sequence", h.sequence());
        n.put("last_trade_id", h.lastTradeId());
        n.put("product_id", h.productId());
        n.put("time", TIME.format(h.time()));
        return mapper.writeValueAsString(n);
    }

    String subscriptions(Map<String, Set<String>> channels) {
        ObjectNode n = mapper.createObjectNode();
        n.put("type", "subscriptions");
        ArrayNode list = n.putArray("channels");
        channels.forEach((name, products) -> {
            ObjectNode c = list.addObject();
            c.put("name", name);
            ArrayNode ids = c.putArray("product_ids");
            products.forEach(ids::add);
            c.putNull("account_ids"); // the live feed sends it (null for public channels)
        });
        return mapper.writeValueAsString(n);
    }

    String error(String message, String reason) {
        ObjectNode n = mapper.createObjectNode();
        n.put("type", "error");
        n.put("message", message);
        n.put("reason", reason);
        return mapper.writeValueAsString(n);
    }

    private static String cents(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static String size(long units) {
        return BigDecimal.valueOf(units, 8).toPlainString();
    }
}
