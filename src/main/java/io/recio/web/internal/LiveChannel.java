package io.recio.web.internal;

import io.recio.LiveUpdate;
import io.recio.LiveViewer;
import io.recio.accounts.Role;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's one live channel, {@code /ws/live} (behind the session login): every {@link LiveUpdate} any
 * module publishes goes to each open tab as {@code {"type", "key", "at", "data"}}, filtered per viewer. States
 * ({@code LATEST}) are coalesced per type and key to at most one send per {@link #interval} and replayed to a
 * tab that connects later; {@code LATEST_NOW} states skip the wait; events ({@code EVERY}) go out in order.
 * Publishing only queues: the sends happen in {@link #flush}, main_app's duty cycle.
 */
@Component
class LiveChannel extends TextWebSocketHandler implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(LiveChannel.class);
    /** Sends to one slow browser must not hold up the others: each tab buffers up to this many bytes. */
    private static final int BUFFER_BYTES = 2 * 1024 * 1024;
    private static final int SEND_TIME_LIMIT_MS = 5000;

    private record Tab(WebSocketSession session, LiveViewer viewer) {
    }

    /** One message on the wire. */
    record Envelope(String type, String key, Instant at, Object data) {
    }

    private final Map<String, Tab> tabs = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final Map<String, LiveUpdate> retained = new LinkedHashMap<>();
    private final Map<String, LiveUpdate> waiting = new LinkedHashMap<>();
    private final Map<String, Instant> lastSent = new HashMap<>();
    private final Queue<LiveUpdate> events = new ArrayDeque<>();
    private final Set<String> urgent = new HashSet<>();
    private final JsonMapper json;
    private final Duration interval;
    private final java.time.Clock clock;
    private volatile boolean accepting = true;

    LiveChannel(JsonMapper json, WebProperties properties, java.time.Clock clock) {
        this.json = json;
        this.interval = properties.pushInterval();
        this.clock = clock;
    }

    /** Queues an update for the next flush; never blocks the publisher on a browser. */
    @EventListener
    void publish(LiveUpdate update) {
        String slot = update.type() + "/" + update.key();
        synchronized (lock) {
            if (update.delivery() == LiveUpdate.Delivery.EVERY) {
                events.add(update);
            } else {
                retained.put(slot, update);
                waiting.put(slot, update);
                if (update.delivery() == LiveUpdate.Delivery.LATEST_NOW) {
                    urgent.add(slot);
                }
            }
        }
    }

    /**
     * Sends every queued event and every waiting state whose slot is due at {@code now}.
     *
     * @return how many updates went out
     */
    int flush(Instant now) {
        List<LiveUpdate> due = new ArrayList<>();
        synchronized (lock) {
            due.addAll(events);
            events.clear();
            var it = waiting.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                Instant last = lastSent.get(e.getKey());
                Instant dueAt = last == null || urgent.contains(e.getKey()) ? now : last.plus(interval);
                if (!dueAt.isAfter(now)) {
                    due.add(e.getValue());
                    lastSent.put(e.getKey(), now);
                    urgent.remove(e.getKey());
                    it.remove();
                }
            }
        }
        for (LiveUpdate u : due) {
            broadcast(u, now);
        }
        return due.size();
    }

    /** Accepts tabs again (they reconnect by themselves). */
    void open() {
        accepting = true;
    }

    /** Closes every tab and refuses new ones until {@link #open()}: the browsers show they are offline. */
    void shut() {
        accepting = false;
        for (Tab t : tabs.values()) {
            try {
                t.session().close(CloseStatus.SERVICE_RESTARTED);
            } catch (IOException e) {
                log.debug("closing live tab {}: {}", t.session().getId(), e.getMessage());
            }
        }
        tabs.clear();
    }

    /**
     * Closes every tab of {@code username} (their access changed); the browser's reconnect then needs a valid
     * session again.
     *
     * @return how many tabs were closed
     */
    int closeFor(String username) {
        int closed = 0;
        for (Tab t : tabs.values()) {
            if (t.viewer().username().equals(username)) {
                tabs.remove(t.session().getId());
                try {
                    t.session().close(CloseStatus.POLICY_VIOLATION.withReason("access changed"));
                } catch (IOException e) {
                    log.debug("closing live tab {}: {}", t.session().getId(), e.getMessage());
                }
                closed++;
            }
        }
        return closed;
    }

    int tabCount() {
        return tabs.size();
    }

    private void broadcast(LiveUpdate update, Instant at) {
        Map<LiveViewer, TextMessage> byViewer = new HashMap<>();
        for (Tab t : tabs.values()) {
            TextMessage m = byViewer.computeIfAbsent(t.viewer(), v -> message(update, v, at));
            if (m != null) {
                send(t, m);
            }
        }
    }

    private TextMessage message(LiveUpdate update, LiveViewer viewer, Instant at) {
        Object data = update.view().apply(viewer);
        if (data == null) {
            return null;
        }
        return new TextMessage(json.writeValueAsString(new Envelope(update.type(), update.key(), at, data)));
    }

    private void send(Tab tab, TextMessage message) {
        try {
            if (tab.session().isOpen()) {
                tab.session().sendMessage(message);
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("dropping live tab {}: {}", tab.session().getId(), e.getMessage());
            tabs.remove(tab.session().getId());
        }
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        if (!accepting) {
            response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        }
        return accepting;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        WebSocketSession safe = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_BYTES,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.DROP);
        Tab tab = new Tab(safe, viewer(session.getPrincipal()));
        tabs.put(session.getId(), tab);
        List<LiveUpdate> now;
        synchronized (lock) {
            now = new ArrayList<>(retained.values());
        }
        Instant at = clock.instant();
        for (LiveUpdate u : now) {
            TextMessage m = message(u, tab.viewer(), at);
            if (m != null) {
                send(tab, m);
            }
        }
    }

    /** The channel only pushes: a tab that sends anything (no command exists) is closed. */
    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        tabs.remove(session.getId());
        session.close(CloseStatus.POLICY_VIOLATION.withReason("the live channel accepts no messages"));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        tabs.remove(session.getId());
    }

    private static LiveViewer viewer(Principal principal) {
        if (principal == null) {
            return new LiveViewer("", false);
        }
        return new LiveViewer(principal.getName(), Role.isMasterAdmin(principal));
    }
}
