package io.recio.web.internal;

import io.recio.market.Symbol;
import io.recio.pricing.StrikeTableJson;
import io.recio.pricing.StrikeTableUpdated;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser push at {@code /ws/live} (behind the session login): the newest strike table and watchlist
 * of each symbol, at most four times a second per symbol however often pricing recomputes; a new
 * connection gets the current tables at once.
 */
@Component
class LivePush extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(LivePush.class);

    /** Sends to one slow browser must not hold up the others: each session buffers up to this many bytes. */
    private static final int BUFFER_BYTES = 2 * 1024 * 1024;

    private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<Symbol, StrikeTableUpdated> latest = new EnumMap<>(Symbol.class);
    private final Set<Symbol> dirty = ConcurrentHashMap.newKeySet();
    private final JsonMapper json;

    LivePush(JsonMapper json) {
        this.json = json;
    }

    @EventListener
    void onTable(StrikeTableUpdated update) {
        Symbol symbol = update.table().symbol();
        synchronized (latest) {
            latest.put(symbol, update);
        }
        dirty.add(symbol);
    }

    /** The newest table of each symbol that changed since the last push (main_app's duty cycle, every 250 ms). */
    void flush() {
        for (Symbol symbol : Symbol.values()) {
            if (dirty.remove(symbol)) {
                StrikeTableUpdated update;
                synchronized (latest) {
                    update = latest.get(symbol);
                }
                broadcast(message(update));
            }
        }
    }

    private TextMessage message(StrikeTableUpdated update) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "strike_table");
        body.put("table", StrikeTableJson.table(update.table()));
        body.put("watchlist", StrikeTableJson.watchlist(update.watchlist()));
        return new TextMessage(json.writeValueAsString(body));
    }

    private void broadcast(TextMessage message) {
        for (WebSocketSession s : sessions) {
            send(s, message);
        }
    }

    private void send(WebSocketSession session, TextMessage message) {
        try {
            if (session.isOpen()) {
                session.sendMessage(message);
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("dropping live session {}: {}", session.getId(), e.getMessage());
            sessions.remove(session);
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        WebSocketSession safe = new ConcurrentWebSocketSessionDecorator(session, 5000, BUFFER_BYTES,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.DROP);
        session.getAttributes().put("recio.decorated", safe);
        sessions.add(safe);
        Map<Symbol, StrikeTableUpdated> now;
        synchronized (latest) {
            now = new EnumMap<>(latest);
        }
        now.values().forEach(u -> send(safe, message(u)));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Object safe = session.getAttributes().get("recio.decorated");
        if (safe instanceof WebSocketSession s) {
            sessions.remove(s);
        }
    }

    int sessionCount() {
        return sessions.size();
    }
}
