package io.recio.kalshi.internal;

import io.recio.kalshi.BalanceChanged;
import io.recio.kalshi.FillReceived;
import io.recio.kalshi.KalshiBalance;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiPosition;
import io.recio.kalshi.KalshiSettlement;
import io.recio.kalshi.OrderUpdated;
import io.recio.kalshi.PositionChanged;
import io.recio.kalshi.SettlementReceived;
import io.recio.kalshi.client.KalshiRestClient;
import io.recio.kalshi.client.KalshiWebSocket;
import io.recio.kalshi.client.WsMessage;
import io.recio.ops.ManagedService;
import io.recio.ops.ManagedServices;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * REC.IO's kalshi_account_sync: balance (per shard), positions, orders, fills and settlements — a REST baseline at
 * start, then live from the {@code fill}, {@code user_orders} and {@code market_positions} channels, with a
 * periodic REST pass for whatever the socket missed. Every write is idempotent, so the socket and the REST pass may
 * report the same fill; events are published only for what is new or changed.
 */
@Service
public class AccountSync implements SmartLifecycle, KalshiWebSocket.Handler {

    static final String SERVICE = "kalshi_account_sync";
    private static final Logger log = LoggerFactory.getLogger(AccountSync.class);

    private final KalshiConnector connector;
    private final AccountStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ManagedService service;
    private final boolean autostart;
    private final AtomicLong passes = new AtomicLong();
    private final AtomicBoolean balanceRefreshPending = new AtomicBoolean();
    private volatile KalshiRestClient rest;
    private volatile KalshiWebSocket ws;
    private volatile ScheduledExecutorService loop;
    private volatile boolean running;
    private volatile Instant lastPass;

    AccountSync(KalshiConnector connector, AccountStore store, ApplicationEventPublisher events, Clock clock,
                ManagedServices services, @Value("${recio.services.autostart:true}") boolean autostart) {
        this.connector = connector;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.service = services.register(SERVICE, List.of(MarketWatchdog.SERVICE));
        this.autostart = autostart;
    }

    @Override
    public boolean isAutoStartup() {
        return autostart;
    }

    @Override
    public void start() {
        running = true;
        service.starting();
        loop = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("kalshi-account-sync").factory());
        loop.execute(this::connect);
    }

    @Override
    public void stop() {
        running = false;
        if (ws != null) {
            ws.close();
        }
        if (loop != null) {
            loop.shutdownNow();
        }
        service.stopped();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void connect() {
        try {
            rest = connector.rest();
            ws = connector.webSocket(this);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.error("kalshi_account_sync cannot reach Kalshi: {}", e.getMessage());
            service.failed(e.getMessage());
            return;
        }
        ws.subscribe(List.of("fill"), Map.of());
        ws.subscribe(List.of("user_orders"), Map.of());
        ws.subscribe(List.of("market_positions"), Map.of());
        ws.start();
        loop.scheduleWithFixedDelay(this::passSafely, 0, connector.properties().accountSyncInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void passSafely() {
        try {
            pass();
            service.detail("last_rest_pass", lastPass.toString());
            if (ws.connected()) {
                service.running();
            } else {
                service.degraded("Kalshi WebSocket down; account kept by the REST pass only");
            }
        } catch (RuntimeException e) {
            log.warn("kalshi_account_sync REST pass failed: {}", e.getMessage());
            service.degraded("REST pass failed: " + e.getMessage());
        }
    }

    /** When the last REST pass ended, or null before the first. */
    public Instant lastPass() {
        return lastPass;
    }

    /** The REST pass: the baseline at start and the catch-up afterwards. */
    public void pass() {
        Instant now = clock.instant();
        balance(now);
        try (Stream<KalshiPosition> positions = rest.positions()) {
            positions.forEach(p -> position(p, now));
        }
        try (Stream<KalshiOrder> orders = rest.orders(null, "resting")) {
            orders.forEach(o -> order(o, now));
        }
        try (Stream<KalshiFill> fills = rest.fills(null)) {
            fills.forEach(f -> fill(f, "rest", now));
        }
        try (Stream<KalshiSettlement> settlements = rest.settlements()) {
            settlements.forEach(s -> {
                if (store.addSettlement(s, now)) {
                    events.publishEvent(new SettlementReceived(s));
                }
            });
        }
        lastPass = now;
        passes.incrementAndGet();
    }

    private void balance(Instant now) {
        KalshiBalance balance = rest.balance();
        if (store.putBalance(balance, now)) {
            events.publishEvent(new BalanceChanged(balance));
        }
    }

    /**
     * Kalshi has no balance channel: after a fill or a position change the balance is read again, once
     * for a burst of messages, so the account view does not lag until the next REST pass.
     */
    private void refreshBalanceSoon() {
        ScheduledExecutorService l = loop;
        if (l != null && balanceRefreshPending.compareAndSet(false, true)) {
            l.schedule(() -> {
                balanceRefreshPending.set(false);
                try {
                    balance(clock.instant());
                } catch (RuntimeException e) {
                    log.debug("balance refresh after a fill failed (the REST pass retries): {}", e.getMessage());
                }
            }, 300, TimeUnit.MILLISECONDS);
        }
    }

    /** Completed REST passes (the first is the baseline). */
    public long passes() {
        return passes.get();
    }

    @Override
    public void onMessage(WsMessage message) {
        Instant now = clock.instant();
        try {
            switch (message) {
                case WsMessage.Fill f -> {
                    fill(f.fill(), "ws", now);
                    refreshBalanceSoon();
                }
                case WsMessage.UserOrder o -> order(o.order(), now);
                case WsMessage.Position p -> {
                    position(p.position(), now);
                    refreshBalanceSoon();
                }
                default -> {
                }
            }
        } catch (RuntimeException e) {
            // the REST pass will bring the same fact again; the socket must keep flowing
            log.warn("kalshi_account_sync could not record {}: {}", message.getClass().getSimpleName(),
                    e.getMessage());
        }
    }

    private void fill(KalshiFill f, String source, Instant now) {
        if (store.addFill(f, source, now)) {
            events.publishEvent(new FillReceived(f));
        }
    }

    private void order(KalshiOrder o, Instant now) {
        if (store.putOrder(o, now)) {
            events.publishEvent(new OrderUpdated(o));
        }
    }

    private void position(KalshiPosition p, Instant now) {
        if (store.putPosition(p, now)) {
            events.publishEvent(new PositionChanged(p));
        }
    }

    @Override
    public void onGap(KalshiWebSocket.Subscription subscription, long sid, long expected, long got) {
        loop.execute(this::passSafely);
    }

    @Override
    public void onConnected() {
        service.detail("websocket", "connected");
        // whatever happened while the socket was down is fetched at once
        if (passes.get() > 0) {
            loop.execute(this::passSafely);
        }
    }

    @Override
    public void onDisconnected(String reason) {
        service.detail("websocket", "down: " + reason);
    }
}
