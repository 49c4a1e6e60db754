package io.recio.kalshi.internal;

import io.recio.RecioProperties;
import io.recio.kalshi.EventMarkets;
import io.recio.kalshi.ExchangeStatus;
import io.recio.kalshi.IndexValue;
import io.recio.kalshi.KalshiException;
import io.recio.kalshi.LiveMarkets;
import io.recio.kalshi.MarketQuote;
import io.recio.kalshi.book.OrderBook;
import io.recio.kalshi.client.ExchangeSchedule;
import io.recio.kalshi.client.KalshiMarket;
import io.recio.kalshi.client.KalshiParsers;
import io.recio.kalshi.client.KalshiRestClient;
import io.recio.kalshi.client.KalshiWebSocket;
import io.recio.kalshi.client.OrderbookLevels;
import io.recio.kalshi.client.WsMessage;
import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.kalshi.client.CallStats;
import io.recio.ops.Freshness;
import io.recio.ops.FreshnessSource;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * REC.IO's kalshi_api_watchdog and kalshi_market_watchdog: exchange status and schedule as health; the current and
 * next hourly events of every symbol with a live order book per strike, kept from {@code orderbook_delta} (REST
 * snapshots while the socket is down), {@code ticker} and {@code market_lifecycle_v2}; {@link MarketQuote} events on
 * change; quotes persisted at a bounded rate; the {@code <symbol>_markets.json} snapshot files; and
 * {@link IndexValue}s from {@code cfbenchmarks_value}. The next event is subscribed while the current one runs,
 * so the rollover at the close has no gap. Run by ops as the managed service {@code kalshi_api_watchdog}: it
 * connects at start (a failure is retried by ops), and its duty cycle is the one-second pass.
 */
@Service
public class KalshiApiWatchdog implements LiveMarkets, ManagedService, FreshnessSource, KalshiWebSocket.Handler {

    private static final Logger log = LoggerFactory.getLogger(KalshiApiWatchdog.class);
    private static final long RESYNC_AFTER_MILLIS = 3_000;
    private static final long EVENT_RETRY_MILLIS = 10_000;

    /** One followed market: its definition, book and the last quote published. */
    private static final class MarketState {
        final KalshiMarket market;
        final MarketTicker ticker;
        final OrderBook book;
        volatile boolean synced;
        long unsyncedSince;
        /** When the book was last known equal to the exchange's (a socket snapshot or a REST one), 0: never. */
        volatile long confirmedAt;
        long lastResync;
        Price lastPrice;
        Count volume;
        Instant close;
        volatile MarketQuote quote;
        MarketQuote persisted;
        long persistedAt;

        MarketState(KalshiMarket market, MarketTicker ticker) {
            this.market = market;
            this.ticker = ticker;
            this.book = new OrderBook(market.ticker());
            this.close = market.closeTime();
            this.volume = market.volume();
            this.lastPrice = market.volume().isZero() ? null : market.lastPrice();
        }
    }

    private final KalshiConnector connector;
    private final ApplicationEventPublisher events;
    private final QuoteStore quotes;
    private final Clock clock;
    private final RecioProperties recio;
    private final KalshiProperties properties;
    private final List<ServiceName> dependencies;
    private volatile ServiceContext service;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, MarketState> markets = new ConcurrentHashMap<>();
    private final Map<Symbol, EventTicker> current = new ConcurrentHashMap<>();
    private final Map<Symbol, EventTicker> next = new ConcurrentHashMap<>();
    private final Set<EventTicker> loaded = ConcurrentHashMap.newKeySet();
    private final Map<EventTicker, Long> lastLoadAttempt = new ConcurrentHashMap<>();
    private volatile KalshiRestClient rest;
    private volatile KalshiWebSocket ws;
    private volatile KalshiWebSocket.Subscription bookSubscription;
    private volatile boolean running;
    private final Object healthLock = new Object();
    private volatile boolean filesDirty;
    private volatile ExchangeStatus exchangeStatus;
    private long lastStatusCheck;
    /** Why the last pass failed (a venue error), or null when it went through. */
    private volatile String passFailure;

    KalshiApiWatchdog(KalshiConnector connector, ApplicationEventPublisher events, QuoteStore quotes, Clock clock,
                      RecioProperties recio, @Value("${recio.simulator.enabled:false}") boolean simulated) {
        this.connector = connector;
        this.events = events;
        this.quotes = quotes;
        this.clock = clock;
        this.recio = recio;
        this.properties = connector.properties();
        // in demo mode the built-in exchange writes the credential this watchdog connects with
        this.dependencies = simulated && recio.mode() == io.recio.Mode.DEMO ? List.of(ServiceName.SIMULATOR_KALSHI)
                : List.of();
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------

    @Override
    public ServiceName name() {
        return ServiceName.KALSHI_API_WATCHDOG;
    }

    @Override
    public List<ServiceName> dependencies() {
        return dependencies;
    }

    @Override
    public boolean criticalToTrading() {
        return true;
    }

    /**
     * Connects REST and WebSocket and subscribes; throws when there is no way to Kalshi (no credentials yet) or
     * Kalshi refuses the key (a definite 4xx), and ops tries again. A first pass that gets no answer (5xx, 429,
     * timeout) is the venue's trouble, not this service's: it starts DEGRADED and its duty cycle tries again.
     */
    @Override
    public void start(ServiceContext context) throws InterruptedException {
        service = context;
        rest = connector.rest();
        ws = connector.webSocket(this);
        running = true;
        bookSubscription = ws.subscribeMarkets(List.of("orderbook_delta", "ticker"), Set.of());
        ws.subscribe(List.of("market_lifecycle_v2"), Map.of());
        ws.subscribe(List.of("cfbenchmarks_value"), Map.of("index_ids",
                properties.symbols().stream().map(Symbol::cfBenchmarksIndex).toList()));
        try {
            tick();
        } catch (KalshiException e) {
            if (e.definite()) {
                throw e;
            }
            passFailed(e);
        }
        ws.start();
        connector.calls().onCallEnded(this::reportHealth);
    }

    @Override
    public Duration dutyCycle() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int doWork(Instant now) {
        try {
            tick();
        } catch (RuntimeException e) {
            passFailed(e);
        }
        return 0;
    }

    /** A pass that failed half-way: DEGRADED (unless the venue's health says worse) until a pass goes through. */
    private void passFailed(RuntimeException e) {
        log.warn("kalshi_api_watchdog pass failed: {}", e.getMessage());
        passFailure = e.getMessage();
        reportHealth();
    }

    /** Closes the socket and forgets every followed market: the next start follows them afresh. */
    @Override
    public void stop() {
        running = false;
        connector.calls().onCallEnded(null);
        KalshiWebSocket socket = ws;
        if (socket != null) {
            socket.close();
        }
        markets.clear();
        current.clear();
        next.clear();
        loaded.clear();
        lastLoadAttempt.clear();
        exchangeStatus = null;
        lastStatusCheck = 0;
        passFailure = null;
    }

    /** One pass: rollover and event discovery, re-syncs, exchange status, persistence and snapshot files. */
    synchronized void tick() {
        long now = clock.millis();
        roll(Instant.ofEpochMilli(now));
        resync(now);
        checkStatus(now);
        persist(now);
        if (filesDirty) {
            filesDirty = false;
            writeFiles();
        }
        passFailure = null;
        reportHealth();
    }

    // ---- events and rollover -----------------------------------------------------------------------------

    private void roll(Instant now) {
        for (Symbol symbol : properties.symbols()) {
            EventTicker want = EventTicker.aboveBelow(symbol, EventTicker.nextClose(now));
            if (!want.equals(current.get(symbol))) {
                if (current.containsKey(symbol)) {
                    log.info("{} rolls over from {} to {}", symbol, current.get(symbol), want);
                }
                current.put(symbol, want);
                next.put(symbol, want.next());
                drop(symbol, want.close());
                filesDirty = true;
            }
            load(want, now);
            load(want.next(), now);
        }
    }

    /** Forgets the markets of a symbol's events that closed before {@code firstClose}. */
    private void drop(Symbol symbol, Instant firstClose) {
        Set<String> gone = new HashSet<>();
        for (MarketState m : markets.values()) {
            EventTicker event = m.ticker.event();
            if (event.symbol() == symbol && event.close().isBefore(firstClose)) {
                gone.add(m.market.ticker());
            }
        }
        loaded.removeIf(e -> e.symbol() == symbol && e.close().isBefore(firstClose));
        if (!gone.isEmpty()) {
            gone.forEach(markets::remove);
            ws.removeMarkets(bookSubscription, gone);
        }
    }

    private void load(EventTicker event, Instant now) {
        if (loaded.contains(event)) {
            return;
        }
        Long last = lastLoadAttempt.get(event);
        if (last != null && now.toEpochMilli() - last < EVENT_RETRY_MILLIS) {
            return;
        }
        lastLoadAttempt.put(event, now.toEpochMilli());
        List<KalshiMarket> list;
        try (var stream = rest.markets(event.toString())) {
            list = stream.toList();
        }
        Set<String> added = new HashSet<>();
        for (KalshiMarket m : list) {
            if (m.strike() == null || !("active".equals(m.status()) || "initialized".equals(m.status())
                    || "inactive".equals(m.status()))) {
                continue;
            }
            MarketTicker ticker;
            try {
                ticker = MarketTicker.parse(m.ticker());
            } catch (IllegalArgumentException e) {
                log.warn("market {} of {} skipped: {}", m.ticker(), event, e.getMessage());
                continue;
            }
            MarketState state = new MarketState(m, ticker);
            state.unsyncedSince = now.toEpochMilli();
            if (markets.putIfAbsent(m.ticker(), state) == null) {
                added.add(m.ticker());
            }
        }
        if (list.isEmpty()) {
            log.debug("{} is not listed yet", event);
            return;
        }
        loaded.add(event);
        lastLoadAttempt.remove(event);
        log.info("following {}: {} markets", event, added.size());
        if (!added.isEmpty()) {
            ws.addMarkets(bookSubscription, added);
        }
        filesDirty = true;
    }

    // ---- WebSocket -----------------------------------------------------------------------------------------

    @Override
    public void onMessage(WsMessage message) {
        switch (message) {
            case WsMessage.Snapshot s -> {
                MarketState m = markets.get(s.book().ticker());
                if (m != null) {
                    lock.lock();
                    try {
                        m.book.reset(s.book());
                        m.synced = true;
                        m.confirmedAt = clock.millis();
                        requote(m);
                    } finally {
                        lock.unlock();
                    }
                }
            }
            case WsMessage.Delta d -> {
                MarketState m = markets.get(d.ticker());
                if (m != null && m.synced) {
                    lock.lock();
                    try {
                        if (m.book.apply(d.side(), d.price(), d.delta())) {
                            requote(m);
                        } else {
                            log.warn("delta {} {} {} does not fit the book of {}: re-syncing", d.side(), d.price(),
                                    d.delta(), d.ticker());
                            unsync(m, clock.millis());
                            ws.requestSnapshots(bookSubscription, Set.of(d.ticker()));
                        }
                    } finally {
                        lock.unlock();
                    }
                }
            }
            case WsMessage.Ticker t -> {
                MarketState m = markets.get(t.ticker());
                if (m != null) {
                    lock.lock();
                    try {
                        m.volume = t.volume();
                        if (t.volume().isPositive()) {
                            m.lastPrice = t.lastPrice();
                        }
                        requote(m);
                    } finally {
                        lock.unlock();
                    }
                }
            }
            case WsMessage.Lifecycle l -> {
                MarketState m = markets.get(l.ticker());
                if (m != null && "close_date_updated".equals(l.eventType()) && l.closeTs() > 0) {
                    lock.lock();
                    try {
                        m.close = Instant.ofEpochSecond(l.closeTs());
                        requote(m);
                    } finally {
                        lock.unlock();
                    }
                } else if (m != null) {
                    log.info("{}: {}{}", l.ticker(), l.eventType(), l.result().isEmpty() ? "" : " " + l.result());
                }
            }
            case WsMessage.IndexPrint p -> publishIndex(p);
            default -> {
            }
        }
    }

    @Override
    public void onGap(KalshiWebSocket.Subscription subscription, long sid, long expected, long got) {
        if (subscription != bookSubscription) {
            return;
        }
        long now = clock.millis();
        Set<String> stale = subscription.marketTickers();
        lock.lock();
        try {
            stale.stream().map(markets::get).filter(Objects::nonNull).forEach(m -> unsync(m, now));
        } finally {
            lock.unlock();
        }
        ws.requestSnapshots(subscription, stale);
    }

    @Override
    public void onConnected() {
        service.detail("websocket", "connected");
    }

    @Override
    public void onDisconnected(String reason) {
        long now = clock.millis();
        lock.lock();
        try {
            markets.values().forEach(m -> unsync(m, now));
        } finally {
            lock.unlock();
        }
        service.detail("websocket", "down: " + reason);
        if (running) {
            service.degraded("Kalshi WebSocket down: " + reason);
        }
    }

    private void unsync(MarketState m, long now) {
        if (m.synced) {
            m.synced = false;
            m.unsyncedSince = now;
            m.lastResync = now;
        }
    }

    /**
     * Books not in sync: ask the socket again after a while, or take REST snapshots (100 books a call) while it is
     * down; a REST book stays marked out of sync, so the socket's next snapshot takes over.
     */
    private void resync(long now) {
        Set<String> due = new HashSet<>();
        for (MarketState m : markets.values()) {
            if (!m.synced && now - m.lastResync >= RESYNC_AFTER_MILLIS) {
                m.lastResync = now;
                due.add(m.market.ticker());
            }
        }
        if (due.isEmpty()) {
            return;
        }
        if (ws.connected()) {
            if (bookSubscription.sid("orderbook_delta") != 0) {
                ws.requestSnapshots(bookSubscription, due);
            }
            return;
        }
        List<String> tickers = new ArrayList<>(due);
        for (int from = 0; from < tickers.size(); from += 100) {
            for (OrderbookLevels levels : rest.orderbooks(tickers.subList(from, Math.min(tickers.size(), from + 100)))) {
                MarketState m = markets.get(levels.ticker());
                if (m == null) {
                    continue;
                }
                lock.lock();
                try {
                    if (!m.synced) {
                        m.book.reset(levels);
                        m.confirmedAt = now;
                        requote(m);
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Recomputes a market's quote from its book; publishes it when anything but the time changed. */
    private void requote(MarketState m) {
        MarketQuote q = new MarketQuote(m.ticker, m.market.strike(), m.close, m.book.yesBid(), m.book.yesBidSize(),
                m.book.yesAsk(), m.book.yesAskSize(), m.lastPrice, m.volume, clock.instant());
        MarketQuote before = m.quote;
        if (before != null && sameQuote(before, q)) {
            return;
        }
        m.quote = q;
        filesDirty = true;
        events.publishEvent(q);
    }

    static boolean sameQuote(MarketQuote a, MarketQuote b) {
        return a.yesBid().equals(b.yesBid()) && a.yesAsk().equals(b.yesAsk()) && a.yesBidSize().equals(b.yesBidSize())
                && a.yesAskSize().equals(b.yesAskSize()) && Objects.equals(a.lastPrice(), b.lastPrice())
                && a.volume().equals(b.volume()) && a.close().equals(b.close());
    }

    private void publishIndex(WsMessage.IndexPrint p) {
        Symbol symbol;
        try {
            symbol = Symbol.parse(p.indexId());
        } catch (IllegalArgumentException e) {
            return;
        }
        events.publishEvent(new IndexValue(symbol, Instant.ofEpochMilli(p.timeMs()), spot(p.value()),
                p.average60s() == null ? null : spot(p.average60s())));
    }

    /** Index values carry up to 8 decimals; recio keeps 4, rounded half-up. */
    static SpotPrice spot(String decimal) {
        return new SpotPrice(new BigDecimal(decimal).setScale(SpotPrice.SCALE, RoundingMode.HALF_UP)
                .unscaledValue().longValueExact());
    }

    // ---- status, persistence, files ----------------------------------------------------------------------

    private void checkStatus(long now) {
        if (now - lastStatusCheck < properties.statusInterval().toMillis() && exchangeStatus != null) {
            return;
        }
        lastStatusCheck = now;
        exchangeStatus = rest.exchangeStatus();
        ExchangeSchedule schedule = rest.exchangeSchedule();
        service.detail("exchange_active", exchangeStatus.exchangeActive());
        service.detail("trading_active", exchangeStatus.tradingActive());
        service.detail("crypto_trading_active", exchangeStatus.tradingOn(2));
        schedule.at(Instant.ofEpochMilli(now)).ifPresentOrElse(
                w -> service.detail("maintenance", w.start() + " to " + w.end()),
                () -> service.detail("maintenance", "none"));
    }

    /**
     * Judges the venue's health ({@link VenueHealth}) from the socket, the exchange status, the events found and
     * the REST calls of the last window; after every pass and every REST call, so failing or slow calls show
     * within seconds even while this watchdog's own pass waits for one.
     */
    private void reportHealth() {
        ServiceContext svc = service;
        KalshiWebSocket socket = ws;
        if (svc == null || socket == null || !running) {
            return;
        }
        synchronized (healthLock) {
            CallStats.Summary calls = connector.calls().summary(clock.instant());
            long unsynced = markets.values().stream().filter(m -> !m.synced).count();
            svc.detail("markets", markets.size());
            svc.detail("books_out_of_sync", unsynced);
            svc.detail("rest_calls", calls.calls());
            svc.detail("rest_failure_percent", Math.round(calls.failureRate() * 100));
            svc.detail("rest_p90_ms", calls.p90().toMillis());
            current.forEach((s, e) -> svc.detail("current_" + s.name().toLowerCase(java.util.Locale.ROOT), e.toString()));
            ExchangeStatus status = exchangeStatus;
            String failure = passFailure;
            // the window's judgement first: one failed pass alone must not hide (or outlast) what the calls say
            VenueHealth.judge(new VenueHealth.Inputs(socket.connected(), status == null ? null : status.tradingOn(2),
                            !markets.isEmpty(), calls), properties.health())
                    .ifPresentOrElse(p -> svc.degraded(p.reason(), p.impact()), () -> {
                        if (failure == null) {
                            svc.healthy();
                        } else {
                            svc.degraded("the last pass failed: " + failure);
                        }
                    });
        }
    }

    /** Per symbol, how long ago the current event's books were all known equal to the exchange's. */
    @Override
    public List<Freshness> freshness(Instant now) {
        List<Freshness> list = new ArrayList<>();
        for (Symbol symbol : properties.symbols()) {
            EventTicker event = current.get(symbol);
            Instant newest = null;
            if (event != null) {
                long oldest = Long.MAX_VALUE;
                boolean any = false;
                for (MarketState m : markets.values()) {
                    if (m.ticker.event().equals(event)) {
                        any = true;
                        oldest = Math.min(oldest, m.synced ? now.toEpochMilli() : m.confirmedAt);
                    }
                }
                newest = any && oldest > 0 ? Instant.ofEpochMilli(oldest) : null;
            }
            list.add(new Freshness(symbol + " order books", Freshness.Kind.ORDER_BOOK, newest));
        }
        return list;
    }

    private void persist(long now) {
        List<MarketQuote> due = new ArrayList<>();
        for (MarketState m : markets.values()) {
            MarketQuote q = m.quote;
            if (q != null && q != m.persisted && now - m.persistedAt >= properties.quotePersistInterval().toMillis()) {
                due.add(q);
                m.persisted = q;
                m.persistedAt = now;
            }
        }
        if (!due.isEmpty()) {
            quotes.insert(due);
        }
    }

    /** The directory of the snapshot files REC.IO kept: {@code <data-dir>/markets/kalshi}. */
    Path filesDir() {
        return recio.dataDir().resolve("markets").resolve("kalshi");
    }

    private void writeFiles() {
        for (Symbol symbol : properties.symbols()) {
            ObjectNode root = KalshiParsers.json().createObjectNode();
            root.put("symbol", symbol.name());
            root.put("updated_at", clock.instant().toString());
            current(symbol).ifPresent(e -> root.set("current", eventNode(e)));
            next(symbol).ifPresent(e -> root.set("next", eventNode(e)));
            Path dir = filesDir();
            Path target = dir.resolve(symbol.name().toLowerCase(java.util.Locale.ROOT) + "_markets.json");
            try {
                Files.createDirectories(dir);
                Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
                Files.writeString(temp, root.toPrettyString());
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                log.warn("cannot write {}: {}", target, e.getMessage());
            }
        }
    }

    private static ObjectNode eventNode(EventMarkets e) {
        ObjectNode node = KalshiParsers.json().createObjectNode();
        node.put("event_ticker", e.event().toString());
        node.put("close_time", e.event().close().toString());
        ArrayNode list = node.putArray("markets");
        for (MarketQuote q : e.quotes()) {
            ObjectNode m = list.addObject();
            m.put("ticker", q.ticker().toString());
            m.put("strike_type", q.strike().type().wire());
            if (q.strike().floor() != null) {
                m.put("floor_strike", q.strike().floor().toDollars(2));
            }
            if (q.strike().cap() != null) {
                m.put("cap_strike", q.strike().cap().toDollars(2));
            }
            m.put("yes_bid_dollars", q.yesBid().toDollars());
            m.put("yes_bid_size_fp", q.yesBidSize().toFp());
            m.put("yes_ask_dollars", q.yesAsk().toDollars());
            m.put("yes_ask_size_fp", q.yesAskSize().toFp());
            m.put("no_bid_dollars", q.noBid().toDollars());
            m.put("no_ask_dollars", q.noAsk().toDollars());
            if (q.lastPrice() != null) {
                m.put("last_price_dollars", q.lastPrice().toDollars());
            }
            m.put("volume_fp", q.volume().toFp());
            m.put("observed_at", q.at().toString());
        }
        return node;
    }

    // ---- LiveMarkets and read access ---------------------------------------------------------------------

    @Override
    public Optional<EventMarkets> current(Symbol symbol) {
        return Optional.ofNullable(current.get(symbol)).flatMap(this::eventMarkets);
    }

    @Override
    public Optional<EventMarkets> next(Symbol symbol) {
        return Optional.ofNullable(next.get(symbol)).flatMap(this::eventMarkets);
    }

    @Override
    public Optional<MarketQuote> quote(MarketTicker ticker) {
        return Optional.ofNullable(markets.get(ticker.toString())).map(m -> m.quote);
    }

    private Optional<EventMarkets> eventMarkets(EventTicker event) {
        List<MarketQuote> list = markets.values().stream().filter(m -> m.ticker.event().equals(event))
                .map(m -> m.quote).filter(Objects::nonNull)
                .sorted(Comparator.comparing((MarketQuote q) -> q.strike().reference()))
                .toList();
        if (list.isEmpty()) {
            return Optional.empty();
        }
        boolean live = ws != null && ws.connected() && markets.values().stream()
                .filter(m -> m.ticker.event().equals(event)).allMatch(m -> m.synced);
        // A book kept in sync over the socket is current now even when no level changed for a while.
        Instant observed = live ? clock.instant()
                : list.stream().map(MarketQuote::at).max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of(new EventMarkets(event, list, observed));
    }

    /** The levels of a followed market's book, YES bids and NO bids, each ascending. */
    public Optional<OrderbookLevels> book(String ticker) {
        MarketState m = markets.get(ticker);
        if (m == null) {
            return Optional.empty();
        }
        lock.lock();
        try {
            return Optional.of(m.book.levels());
        } finally {
            lock.unlock();
        }
    }

    /** Whether a followed market's book is in sync with the socket. */
    public boolean inSync(String ticker) {
        MarketState m = markets.get(ticker);
        return m != null && m.synced;
    }

    /** Tickers of every followed market, by event. */
    public Map<String, List<String>> followed() {
        return markets.values().stream().collect(Collectors.groupingBy(m -> m.ticker.event().toString(),
                HashMap::new, Collectors.mapping(m -> m.market.ticker(), Collectors.toList())));
    }

    /** The socket, for fault tests and health. */
    KalshiWebSocket socket() {
        return ws;
    }
}
