package io.recio.pricing.internal;

import io.recio.feeds.HistoryImported;
import io.recio.feeds.LatestPrices;
import io.recio.feeds.PriceTick;
import io.recio.kalshi.EventMarkets;
import io.recio.kalshi.LiveMarkets;
import io.recio.kalshi.MarketQuote;
import io.recio.market.EventTicker;
import io.recio.market.MarketTicker;
import io.recio.market.Symbol;
import io.recio.ops.Freshness;
import io.recio.ops.FreshnessSource;
import io.recio.ops.ServiceContext;
import io.recio.pricing.ModelInputs;
import io.recio.pricing.ProbabilityModel;
import io.recio.pricing.StrikeTable;
import io.recio.pricing.StrikeTableUpdated;
import io.recio.pricing.StrikeTables;
import io.recio.pricing.WatchlistEntry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The strike tables of REC.IO's unified_production_coordinator (the service itself is
 * {@link UnifiedProductionCoordinator}): keeps the newest price and books of each symbol, recomputes the strike
 * table on every price tick, every quote change and once a second, publishes {@link StrikeTableUpdated}, and
 * keeps the strike-table file. Recomputation runs on one worker thread, coalesced per symbol, so a burst of
 * quotes costs one computation and never blocks the publisher.
 */
@Service
public class StrikeTableCoordinator implements StrikeTables, FreshnessSource {

    private static final Logger log = LoggerFactory.getLogger(StrikeTableCoordinator.class);

    /** Per-symbol inputs and output; fields guarded by the instance's monitor. */
    private static final class SymbolState {
        final AtomicBoolean pending = new AtomicBoolean();
        final Deque<PriceTick> window = new ArrayDeque<>();
        final Map<EventTicker, Map<MarketTicker, MarketQuote>> books = new ConcurrentHashMap<>();
        volatile PriceTick tick;
        volatile StrikeTableUpdated latest;
        /** When the newest table computed from fresh inputs was computed. */
        volatile Instant lastFresh;
        Instant lastWrite = Instant.EPOCH;
    }

    private final Map<Symbol, SymbolState> states = new EnumMap<>(Symbol.class);
    private final Models models;
    private final ModelBuilds builds;
    private final PricingProperties properties;
    private final StrikeTableCalculator calculator;
    private final StrikeTableFile file;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<LiveMarkets> liveMarkets;
    private final ObjectProvider<LatestPrices> latestPrices;
    private final Clock clock;
    private volatile ExecutorService worker;
    /** Model builds, one at a time and never on the strike-table worker: a build takes seconds. */
    private volatile ExecutorService builder;
    private volatile ServiceContext service;
    private volatile String reportedProblem = "";

    StrikeTableCoordinator(Models models, ModelBuilds builds, PricingProperties properties, StrikeTableFile file,
                           ApplicationEventPublisher events, ObjectProvider<LiveMarkets> liveMarkets,
                           ObjectProvider<LatestPrices> latestPrices, Clock clock) {
        this.models = models;
        this.builds = builds;
        this.properties = properties;
        this.calculator = new StrikeTableCalculator(properties);
        this.file = file;
        this.events = events;
        this.liveMarkets = liveMarkets;
        this.latestPrices = latestPrices;
        this.clock = clock;
        for (Symbol s : Symbol.values()) {
            states.put(s, new SymbolState());
        }
    }

    @EventListener
    void onPrice(PriceTick tick) {
        SymbolState s = states.get(tick.symbol());
        models.volatility().observe(tick.symbol(), tick.at(), tick.price().dollars());
        models.har().observe(tick.symbol(), tick.at(), tick.price().dollars());
        synchronized (s) {
            PriceTick previous = s.tick;
            if (previous == null || !tick.at().isBefore(previous.at())) {
                s.tick = tick;
            }
            s.window.addLast(tick);
            Instant keepFrom = tick.at().minusSeconds(2L * ModelInputs.SETTLEMENT_WINDOW_SECONDS);
            while (!s.window.isEmpty() && s.window.peekFirst().at().isBefore(keepFrom)) {
                s.window.removeFirst();
            }
        }
        schedule(tick.symbol());
    }

    @EventListener
    void onQuote(MarketQuote quote) {
        EventTicker event = quote.ticker().event();
        Symbol symbol;
        try {
            symbol = event.symbol();
        } catch (IllegalArgumentException e) {
            return;
        }
        states.get(symbol).books.computeIfAbsent(event, e -> new ConcurrentHashMap<>()).put(quote.ticker(), quote);
        schedule(symbol);
    }

    /** Once a second: the clock moves the countdown and may make inputs stale even without events. */
    void everySecond() {
        if (isRunning()) {
            for (Symbol s : Symbol.values()) {
                schedule(s);
            }
        }
    }

    /** The weekly rebuild of the model tables from history, on the builder thread. */
    void weeklyRebuild() {
        ExecutorService b = builder;
        if (b != null && isRunning()) {
            b.execute(() -> {
                for (Symbol s : Symbol.values()) {
                    ModelBuilds.Report r = builds.build(s, p -> { });
                    log.info("weekly model rebuild of {}: {}", s, r.message());
                }
            });
        }
    }

    /**
     * New history (the demo's seeding, an import) rebuilds that symbol's models: a build at start may have
     * run while the history was still being written and seen only part of it.
     */
    @EventListener
    void onHistoryImported(HistoryImported imported) {
        ExecutorService b = builder;
        if (b != null && isRunning() && properties.buildAtStart()) {
            b.execute(() -> build(imported.symbol(), "after new history"));
        }
    }

    /**
     * History may arrive after start (an import, a feed backfill): every ten minutes a symbol still without
     * a fingerprint or HAR weights is built as soon as enough history exists, instead of waiting for the weekly
     * rebuild.
     */
    void retryMissingBuilds() {
        ExecutorService b = builder;
        if (b != null && isRunning() && properties.buildAtStart()) {
            b.execute(this::buildMissing);
        }
    }

    private void schedule(Symbol symbol) {
        ExecutorService w = worker;
        SymbolState s = states.get(symbol);
        if (w != null && s.pending.compareAndSet(false, true)) {
            try {
                w.execute(() -> {
                    s.pending.set(false);
                    publish(symbol);
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                s.pending.set(false);
            }
        }
    }

    /** Computes the table of {@code symbol} now from what has arrived, without publishing it. */
    public StrikeTableUpdated compute(Symbol symbol) {
        SymbolState s = states.get(symbol);
        Instant now = clock.instant();
        PriceTick tick = s.tick;
        if (tick == null) {
            LatestPrices prices = latestPrices.getIfAvailable();
            tick = prices == null ? null : prices.latest(symbol).orElse(null);
        }
        EventTicker currentEvent = EventTicker.aboveBelow(symbol, EventTicker.nextClose(now));
        EventTicker nextEvent = currentEvent.next();
        LiveMarkets live = liveMarkets.getIfAvailable();
        // The watchdog's view comes first: it knows whether an unchanged book is still in sync with Kalshi,
        // which the quote events alone (published only on change) cannot tell.
        EventMarkets current = Optional.ofNullable(live).flatMap(l -> l.current(symbol))
                .filter(e -> e.event().equals(currentEvent)).or(() -> book(s, currentEvent)).orElse(null);
        EventMarkets next = Optional.ofNullable(live).flatMap(l -> l.next(symbol))
                .filter(e -> e.event().equals(nextEvent)).or(() -> book(s, nextEvent)).orElse(null);
        ProbabilityModel model = models.preferred(symbol);
        StrikeTable table = calculator.compute(symbol, now, tick, current, next, model,
                observed(s, currentEvent.close()));
        return new StrikeTableUpdated(table, calculator.watchlist(table));
    }

    private void publish(Symbol symbol) {
        try {
            StrikeTableUpdated update = compute(symbol);
            SymbolState s = states.get(symbol);
            s.latest = update;
            if (!update.table().stale()) {
                s.lastFresh = update.table().computedAt();
            }
            events.publishEvent(update);
            prune(s, update.table().computedAt());
            writeFile(s, update);
            report();
        } catch (RuntimeException e) {
            log.error("strike table of {} failed", symbol, e);
            ServiceContext svc = service;
            if (svc != null) {
                svc.degraded("strike table of " + symbol + " failed: " + e.getMessage());
            }
        }
    }

    private void writeFile(SymbolState s, StrikeTableUpdated update) {
        Instant at = update.table().computedAt();
        if (!properties.writeFile() || Duration.between(s.lastWrite, at).compareTo(properties.writeInterval()) < 0) {
            return;
        }
        s.lastWrite = at;
        try {
            file.write(update);
        } catch (IOException | RuntimeException e) {
            log.warn("could not write {}: {}", file.path(update.table().symbol()), e.getMessage());
        }
    }

    /** Reports DEGRADED while a table is stale, RUNNING otherwise; only when what is wrong changes. */
    private void report() {
        ServiceContext svc = service;
        if (svc == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Symbol, SymbolState> e : states.entrySet()) {
            StrikeTableUpdated u = e.getValue().latest;
            if (u != null && u.table().stale()) {
                problems.add(e.getKey() + ": " + String.join(", ", u.table().staleReasons()));
            }
            if (u != null) {
                svc.detail(e.getKey().name().toLowerCase() + "_model", String.valueOf(u.table().model()));
            }
        }
        String problem = String.join("; ", problems);
        // Ages in the reasons change every second; only a change of what is wrong is a new state.
        String kind = problem.replaceAll("\\d+", "#");
        if (!kind.equals(reportedProblem)) {
            reportedProblem = kind;
            if (problem.isEmpty()) {
                svc.healthy();
            } else {
                svc.degraded("stale inputs: " + problem);
            }
        }
    }

    private static Optional<EventMarkets> book(SymbolState s, EventTicker event) {
        Map<MarketTicker, MarketQuote> quotes = s.books.get(event);
        if (quotes == null || quotes.isEmpty()) {
            return Optional.empty();
        }
        List<MarketQuote> list = List.copyOf(quotes.values());
        Instant newest = list.stream().map(MarketQuote::at).max(Instant::compareTo).orElse(null);
        return Optional.of(new EventMarkets(event, list, newest));
    }

    private static StrikeTableCalculator.Observed observed(SymbolState s, Instant close) {
        Instant windowStart = close.minusSeconds(ModelInputs.SETTLEMENT_WINDOW_SECONDS);
        int count = 0;
        double sum = 0;
        synchronized (s) {
            for (PriceTick t : s.window) {
                if (t.at().isAfter(windowStart) && !t.at().isAfter(close)) {
                    count++;
                    sum += t.price().dollars();
                }
            }
        }
        return count == 0 ? StrikeTableCalculator.Observed.NONE
                : new StrikeTableCalculator.Observed(Math.min(count, ModelInputs.SETTLEMENT_WINDOW_SECONDS), sum);
    }

    private static void prune(SymbolState s, Instant now) {
        s.books.keySet().removeIf(e -> e.close().isBefore(now.minus(Duration.ofMinutes(5))));
    }

    /** The newest published table, or one computed now when none was published (service not started). */
    public StrikeTableUpdated latestUpdate(Symbol symbol) {
        StrikeTableUpdated u = states.get(symbol).latest;
        return u == null || !isRunning() ? compute(symbol) : u;
    }

    /** Per symbol, the newest table computed from fresh inputs: one that is stale does not count. */
    @Override
    public List<Freshness> freshness(Instant now) {
        List<Freshness> list = new ArrayList<>();
        states.forEach((symbol, s) -> list.add(new Freshness(symbol + " strike table", Freshness.Kind.STRIKE_TABLE,
                s.lastFresh)));
        return list;
    }

    @Override
    public Optional<StrikeTable> latest(Symbol symbol) {
        return Optional.of(latestUpdate(symbol).table());
    }

    @Override
    public List<WatchlistEntry> watchlist(Symbol symbol) {
        return latestUpdate(symbol).watchlist();
    }

    /** Loads the stored models, starts the worker and builds the models that are missing. */
    void start(ServiceContext svc) {
        service = svc;
        try {
            int loaded = builds.loadStored();
            svc.detail("fingerprints_loaded", loaded);
        } catch (RuntimeException e) {
            log.warn("could not load the stored model tables: {}", e.getMessage());
            svc.detail("model_load_error", e.getMessage());
        }
        worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("strike-tables").factory());
        reportedProblem = "";
        builder = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("model-build").factory());
        builder.execute(this::seedHar);
        if (properties.buildAtStart()) {
            builder.execute(this::buildMissing);
        }
        for (Symbol s : Symbol.values()) {
            schedule(s);
        }
    }

    /** The HAR model's trailing day from the history and the price log; the other models serve meanwhile. */
    private void seedHar() {
        for (Symbol s : Symbol.values()) {
            try {
                builds.seedHar(s);
            } catch (RuntimeException e) {
                log.warn("could not read the newest day of {} for the HAR model: {}", s, e.getMessage());
            }
        }
    }

    /** A fresh install builds its models from the history it has; the volatility model serves meanwhile. */
    private void buildMissing() {
        for (Symbol s : Symbol.values()) {
            if (builds.incomplete(s)) {
                build(s, "at start");
            }
        }
    }

    private void build(Symbol symbol, String why) {
        try {
            if (builds.historyAvailable(symbol)) {
                ModelBuilds.Report r = builds.build(symbol, p -> { });
                log.info("model build {} for {}: {}", why, symbol, r.message());
            }
        } catch (RuntimeException e) {
            log.warn("model build {} for {} failed: {}", why, symbol, e.getMessage());
        }
    }

    void stop() {
        ExecutorService b = builder;
        builder = null;
        if (b != null) {
            b.shutdownNow();
        }
        ExecutorService w = worker;
        worker = null;
        if (w != null) {
            w.shutdown();
            try {
                w.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        service = null;
    }

    /** Whether the service runs (the worker recomputes tables). */
    public boolean isRunning() {
        return worker != null;
    }
}
