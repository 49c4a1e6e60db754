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
import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * REC.IO's kalshi_account_sync: balance (per shard), positions, orders, fills and settlements — a REST baseline at
 * start, then live from the {@code fill}, {@code user_orders} and {@code market_positions} channels, with a
 * periodic REST pass for whatever the socket missed. Every write is idempotent, so the socket and the REST pass may
 * report the same fill; events are published only for what is new or changed. Run by ops as the managed service
 * {@code kalshi_account_sync}: it connects at start (a failure is retried by ops); its duty cycle runs the REST pass
 * when due and the balance reads the socket's messages ask for.
 */
@Service
public class KalshiAccountSync implements ManagedService, KalshiWebSocket.Handler {

    /** A fill or position message is followed by a balance read this much later, once for a burst. */
    private static final Duration BALANCE_AFTER = Duration.ofMillis(300);
    private static final Logger log = LoggerFactory.getLogger(KalshiAccountSync.class);

    private final KalshiConnector connector;
    private final AccountStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicLong passes = new AtomicLong();
    private final AtomicBoolean passRequested = new AtomicBoolean();
    private final AtomicReference<Instant> balanceDue = new AtomicReference<>();
    private volatile ServiceContext service;
    private volatile KalshiRestClient rest;
    private volatile KalshiWebSocket ws;
    private volatile Instant lastPass;
    private Instant nextPass;

    KalshiAccountSync(KalshiConnector connector, AccountStore store, ApplicationEventPublisher events, Clock clock) {
        this.connector = connector;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ServiceName name() {
        return ServiceName.KALSHI_ACCOUNT_SYNC;
    }

    @Override
    public List<ServiceName> dependencies() {
        return List.of(ServiceName.KALSHI_API_WATCHDOG);
    }

    @Override
    public boolean criticalToTrading() {
        return true;
    }

    /** Connects REST and WebSocket and subscribes; throws when Kalshi cannot be reached (ops tries again). */
    @Override
    public void start(ServiceContext context) throws InterruptedException {
        service = context;
        rest = connector.rest();
        ws = connector.webSocket(this);
        nextPass = null;
        balanceDue.set(null);
        ws.subscribe(List.of("fill"), Map.of());
        ws.subscribe(List.of("user_orders"), Map.of());
        ws.subscribe(List.of("market_positions"), Map.of());
        ws.start();
    }

    @Override
    public Duration dutyCycle() {
        return Duration.ofMillis(100);
    }

    /** The REST pass when due (every {@code account-sync-interval}, or asked for by the socket), and balance reads. */
    @Override
    public int doWork(Instant now) {
        boolean requested = passRequested.getAndSet(false);
        if (requested || nextPass == null || !now.isBefore(nextPass)) {
            nextPass = now.plus(connector.properties().accountSyncInterval());
            passSafely();
            return 1;
        }
        Instant due = balanceDue.get();
        if (due != null && !now.isBefore(due) && balanceDue.compareAndSet(due, null)) {
            try {
                balance(now);
            } catch (RuntimeException e) {
                log.debug("balance refresh after a fill failed (the REST pass retries): {}", e.getMessage());
            }
            return 1;
        }
        return 0;
    }

    @Override
    public void stop() {
        KalshiWebSocket socket = ws;
        if (socket != null) {
            socket.close();
        }
    }

    private void passSafely() {
        try {
            pass();
            service.detail("last_rest_pass", lastPass.toString());
            if (ws.connected()) {
                service.healthy();
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

    /**
     * The REST pass: the baseline at start and the catch-up afterwards. After it the mirror's positions and
     * resting orders equal the exchange's: what the exchange no longer reports leaves the mirror.
     */
    public void pass() {
        Instant now = clock.instant();
        balance(now);
        Set<String> reported = new HashSet<>();
        try (Stream<KalshiPosition> positions = rest.positions()) {
            positions.forEach(p -> {
                reported.add(p.ticker());
                position(p, now);
            });
        }
        // a ticker the exchange no longer reports is no longer held (settled, or closed while recio was away)
        for (String ticker : store.dropPositionsExcept(reported)) {
            events.publishEvent(new PositionChanged(new KalshiPosition(ticker, Count.ZERO, Money.ZERO, Money.ZERO,
                    Money.ZERO, now)));
        }
        Set<String> resting = new HashSet<>();
        try (Stream<KalshiOrder> orders = rest.orders(null, "resting")) {
            orders.forEach(o -> {
                resting.add(o.orderId());
                order(o, now);
            });
        }
        // an order the mirror holds as resting that the exchange no longer rests has ended: read how
        for (KalshiOrder o : store.restingOrders()) {
            if (!resting.contains(o.orderId())) {
                order(rest.order(o.orderId()), now);
            }
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
        balanceDue.compareAndSet(null, clock.instant().plus(BALANCE_AFTER));
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
        passRequested.set(true);
    }

    @Override
    public void onConnected() {
        service.detail("websocket", "connected");
        // whatever happened while the socket was down is fetched at once
        if (passes.get() > 0) {
            passRequested.set(true);
        }
    }

    @Override
    public void onDisconnected(String reason) {
        service.detail("websocket", "down: " + reason);
    }
}
