package io.recio.simulator.exchange.internal;

import java.util.Map;

/**
 * One message the exchange publishes to WebSocket subscribers: the channel it belongs to, its
 * message type, the market it concerns (null for index values), the account it is private to (null
 * for public data) and its {@code msg} body.
 */
public record Outbound(String channel, String type, String ticker, String accountId, Map<String, Object> msg) {
}
