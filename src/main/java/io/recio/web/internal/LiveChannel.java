package io.recio.web.internal;

import io.recio.LiveUpdate;
import io.recio.LiveViewer;
import io.recio.accounts.Role;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.Writer;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
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
    /**
     * Messages a tab may have waiting: a browser this far behind (far more than a healthy one ever has) is stuck
     * or too slow to follow, and is dropped; it reconnects by itself and gets the newest states.
     */
    static final int MAX_WAITING = 1000;
    /**
     * How long one send may stay unfinished: the socket's buffers are full and the browser has taken nothing for this
     * long, so it is stuck (a frozen machine, a dead network path); it is dropped at the next flush.
     */
    static final Duration STUCK_AFTER = Duration.ofSeconds(5);

    /**
     * One message as it goes out, written once per push and shared by every tab that gets it.
     *
     * @param slot  {@code type/key} of a state (a newer state of the slot replaces it while it waits), null for an event
     * @param text  the envelope's JSON
     * @param chars the same JSON as characters, for the socket's writer
     */
    private record Outgoing(String slot, TextMessage text, char[] chars) {
    }

    /**
     * One open tab and its outbox. The flush thread only queues; one sender at a time (on {@link #senders})
     * writes the outbox to the socket in order, so a browser that stops reading blocks its own sender, never
     * the flush or the other tabs. A state waiting in the outbox is replaced by a newer one of the same slot, so a
     * slow tab gets the newest numbers, not a backlog of old ones.
     */
    private static final class Tab {
        private final WebSocketSession session;
        private final LiveViewer viewer;
        /** Waiting messages, oldest first: states by slot, events by their sequence number. */
        private final LinkedHashMap<Object, Outgoing> outbox = new LinkedHashMap<>();
        private long events;
        private boolean sending;
        /** When the send under way began, null when none is. */
        private volatile Instant sendingSince;

        Tab(WebSocketSession session, LiveViewer viewer) {
            this.session = session;
            this.viewer = viewer;
        }

        String id() {
            return session.getId();
        }
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
    private final Executor senders;
    private volatile boolean accepting = true;

    @Autowired
    LiveChannel(JsonMapper json, WebProperties properties, java.time.Clock clock) {
        this(json, properties, clock, command -> Thread.ofVirtual().name("live-send").start(command));
    }

    /** With {@code senders} running each tab's sends (a test's direct executor makes them synchronous). */
    LiveChannel(JsonMapper json, WebProperties properties, java.time.Clock clock, Executor senders) {
        this.json = json;
        this.interval = properties.pushInterval();
        this.clock = clock;
        this.senders = senders;
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
     * Sends every queued event and every waiting state whose slot is due at {@code now}, and drops the tabs that are
     * stuck.
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
        dropStuck(now);
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
                t.session.close(CloseStatus.SERVICE_RESTARTED);
            } catch (IOException e) {
                log.debug("closing live tab {}: {}", t.session.getId(), e.getMessage());
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
            if (t.viewer.username().equals(username)) {
                tabs.remove(t.id());
                try {
                    t.session.close(CloseStatus.POLICY_VIOLATION.withReason("access changed"));
                } catch (IOException e) {
                    log.debug("closing live tab {}: {}", t.session.getId(), e.getMessage());
                }
                closed++;
            }
        }
        return closed;
    }

    int tabCount() {
        return tabs.size();
    }

    /** Sends {@code update} to every tab; each distinct view is written once, however many tabs get it. */
    private void broadcast(LiveUpdate update, Instant at) {
        String slot = update.delivery() == LiveUpdate.Delivery.EVERY ? null : update.type() + "/" + update.key();
        Map<LiveViewer, Object> views = new HashMap<>();
        Map<Object, Outgoing> written = new IdentityHashMap<>();
        for (Tab t : tabs.values()) {
            Object data = views.computeIfAbsent(t.viewer, update.view()::apply);
            if (data != null) {
                send(t, written.computeIfAbsent(data, d -> message(update, slot, d, at)));
            }
        }
    }

    private Outgoing message(LiveUpdate update, String slot, Object data, Instant at) {
        String text = json.writeValueAsString(new Envelope(update.type(), update.key(), at, data));
        return new Outgoing(slot, new TextMessage(text), text.toCharArray());
    }

    /** Queues {@code message} for {@code tab}; drops the tab when too much is waiting. Never blocks. */
    private void send(Tab tab, Outgoing message) {
        boolean overflow;
        boolean start;
        synchronized (tab) {
            tab.outbox.put(message.slot() != null ? message.slot() : tab.events++, message);
            overflow = tab.outbox.size() > MAX_WAITING;
            start = !overflow && !tab.sending;
            tab.sending |= start;
        }
        if (overflow) {
            drop(tab, "more than " + MAX_WAITING + " messages waiting");
        } else if (start) {
            senders.execute(() -> drain(tab));
        }
    }

    /** Writes the tab's outbox to its socket, oldest first, until it is empty. */
    private void drain(Tab tab) {
        while (true) {
            Outgoing m;
            synchronized (tab) {
                var first = tab.outbox.entrySet().iterator();
                if (!first.hasNext()) {
                    tab.sending = false;
                    return;
                }
                m = first.next().getValue();
                first.remove();
            }
            if (!tab.session.isOpen()) {
                tabs.remove(tab.id());
                return;
            }
            tab.sendingSince = clock.instant();
            try {
                write(tab.session, m);
            } catch (IOException | IllegalStateException e) {
                drop(tab, e.getMessage());
                return;
            } finally {
                tab.sendingSince = null;
            }
        }
    }

    /**
     * Writes one message. On the servlet container's socket it goes through the endpoint's writer, which encodes
     * from a character array: sending the string itself encodes it character by character through a string-backed
     * buffer, and that was two thirds of recio's CPU time with 500 tabs open (bench/load.sh).
     */
    private static void write(WebSocketSession session, Outgoing m) throws IOException {
        if (session instanceof NativeWebSocketSession n && n.getNativeSession() instanceof Session socket) {
            try (Writer writer = socket.getBasicRemote().getSendWriter()) {
                writer.write(m.chars());
            }
        } else {
            session.sendMessage(m.text());
        }
    }

    /** Drops every tab whose send under way began before {@code now} less {@link #STUCK_AFTER}. */
    private void dropStuck(Instant now) {
        Instant limit = now.minus(STUCK_AFTER);
        for (Tab t : tabs.values()) {
            Instant since = t.sendingSince;
            if (since != null && since.isBefore(limit)) {
                drop(t, "a send unfinished since " + since);
            }
        }
    }

    private void drop(Tab tab, String why) {
        if (tabs.remove(tab.id()) == null) {
            return;
        }
        log.debug("dropping live tab {}: {}", tab.id(), why);
        synchronized (tab) {
            tab.outbox.clear();
        }
        // closing may wait on the socket the browser does not read: not on the flush thread
        senders.execute(() -> {
            try {
                tab.session.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException | RuntimeException e) {
                log.debug("closing live tab {}: {}", tab.id(), e.getMessage());
            }
        });
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
        Tab tab = new Tab(session, viewer(session.getPrincipal()));
        tabs.put(session.getId(), tab);
        List<LiveUpdate> now;
        synchronized (lock) {
            now = new ArrayList<>(retained.values());
        }
        Instant at = clock.instant();
        for (LiveUpdate u : now) {
            Object data = u.view().apply(tab.viewer);
            if (data != null) {
                send(tab, message(u, u.type() + "/" + u.key(), data, at));
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
