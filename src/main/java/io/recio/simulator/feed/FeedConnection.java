package io.recio.simulator.feed;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One client of the feed: its WebSocket session and its subscriptions (channel → product ids). */
final class FeedConnection {

    private final Session session;
    private final Map<String, Set<String>> subscriptions = new LinkedHashMap<>();
    private volatile boolean subscribeReceived;

    FeedConnection(Session session) {
        this.session = session;
    }

    String id() {
        return session.getId();
    }

    boolean subscribeReceived() {
        return subscribeReceived;
    }

    synchronized Map<String, Set<String>> subscribe(Map<String, Set<String>> add) {
        subscribeReceived = true;
        add.forEach((channel, products) -> subscriptions.computeIfAbsent(channel, c -> new LinkedHashSet<>())
                .addAll(products));
        return snapshot();
    }

    /** Removes products from channels; a channel named with no products is dropped whole. */
    synchronized Map<String, Set<String>> unsubscribe(Map<String, Set<String>> remove) {
        subscribeReceived = true;
        remove.forEach((channel, products) -> {
            Set<String> current = subscriptions.get(channel);
            if (current == null) {
                return;
            }
            if (products.isEmpty()) {
                subscriptions.remove(channel);
            } else {
                current.removeAll(products);
                if (current.isEmpty()) {
                    subscriptions.remove(channel);
                }
            }
        });
        return snapshot();
    }

    /** Sends a channel's message for a product if this client subscribed to it. */
    synchronized void sendIfSubscribed(String channel, String productId, String text) {
        Set<String> products = subscriptions.get(channel);
        if (products != null && products.contains(productId)) {
            send(text);
        }
    }

    private Map<String, Set<String>> snapshot() {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        subscriptions.forEach((c, p) -> copy.put(c, new LinkedHashSet<>(p)));
        return copy;
    }

    /** Sends a text frame; a client that cannot take it is disconnected rather than holding up the feed. */
    void send(String text) {
        if (!session.isOpen()) {
            return;
        }
        synchronized (this) {
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException | IllegalStateException e) {
                close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");
            }
        }
    }

    void close(CloseReason.CloseCode code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason));
            }
        } catch (IOException e) {
            // already gone: nothing left to close
        }
    }
}
