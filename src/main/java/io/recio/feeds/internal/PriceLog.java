package io.recio.feeds.internal;

import io.recio.feeds.LatestPrices;
import io.recio.feeds.PriceTick;
import io.recio.feeds.internal.PriceTickRows.LoggedSecond;
import io.micrometer.core.instrument.Metrics;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.ops.Freshness;
import io.recio.ops.FreshnessSource;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one-second price log: each second takes every symbol's price from the {@link SourceBoard}, derives
 * deltas, momentum and averages from the in-memory window, publishes a {@link PriceTick}, and buffers the row
 * for the next batched write. A second without a fresh price is a gap: nothing is logged or published.
 * Each symbol's seconds are logged from one thread (its {@link SymbolPriceWatchdog}, or a test), so a window
 * needs no lock; writes may come from any of them.
 */
@Component
public class PriceLog implements LatestPrices, FreshnessSource {

    private static final Logger log = LoggerFactory.getLogger(PriceLog.class);

    /** Rows kept for a later write while the database is unreachable (an hour of both symbols). */
    static final int MAX_BUFFERED = 2 * 3600;

    private final FeedsProperties properties;
    private final SourceBoard board;
    private final PriceTickRows rows;
    private final Watchdogs watchdogs;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<Symbol, PriceWindow> windows = new EnumMap<>(Symbol.class);
    private final Map<Symbol, PriceTick> latest = new ConcurrentHashMap<>();
    private final LinkedBlockingDeque<LoggedSecond> pending = new LinkedBlockingDeque<>();
    private final AtomicLong droppedRows = new AtomicLong();

    public PriceLog(FeedsProperties properties, SourceBoard board, PriceTickRows rows, Watchdogs watchdogs,
                    ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.board = board;
        this.rows = rows;
        this.watchdogs = watchdogs;
        this.events = events;
        this.clock = clock;
        for (Symbol symbol : properties.symbols()) {
            windows.put(symbol, new PriceWindow());
        }
    }

    @Override
    public Optional<PriceTick> latest(Symbol symbol) {
        return Optional.ofNullable(latest.get(symbol));
    }

    /** The newest logged second of each watched symbol, whatever its source: only both sources stale ages it. */
    @Override
    public List<Freshness> freshness(Instant now) {
        return properties.symbols().stream().map(s -> new Freshness(s + " price", Freshness.Kind.PRICE,
                latest(s).map(PriceTick::at).orElse(null))).toList();
    }

    /** The symbols this log records. */
    public List<Symbol> symbols() {
        return properties.symbols();
    }

    /** Logs the whole second containing {@code at} for every symbol (a second already logged is skipped). */
    public void tick(Instant at) {
        for (Symbol symbol : properties.symbols()) {
            tick(symbol, at);
        }
    }

    /**
     * Logs the whole second containing {@code at} for {@code symbol}; returns false when that second was already
     * logged or the symbol is not watched.
     */
    public boolean tick(Symbol symbol, Instant at) {
        PriceWindow window = windows.get(symbol);
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        Instant newest = window == null ? null : window.newest();
        if (window == null || newest != null && !second.isAfter(newest)) {
            return false;
        }
        Optional<SourceBoard.Reading> reading = board.current(symbol, at);
        watchdogs.sourceUsed(symbol, reading.map(SourceBoard.Reading::source).orElse(null));
        if (reading.isEmpty()) {
            watchdogs.gap(symbol);
            return true;
        }
        SourceBoard.Reading r = reading.get();
        PriceWindow.Derived derived = window.log(second, r.price().units());
        PriceTick tick = new PriceTick(symbol, second, r.price(), derived.deltasPercent(), derived.momentum(),
                new SpotPrice(derived.average60sUnits()), r.source(), r.age());
        latest.put(symbol, tick);
        enqueue(new LoggedSecond(tick, derived.average1mUnits()));
        watchdogs.logged(symbol, r.age().toMillis());
        Metrics.counter("recio.price.ticks", "symbol", symbol.name(), "source", r.source()).increment();
        events.publishEvent(tick);
        return true;
    }

    private void enqueue(LoggedSecond row) {
        pending.addLast(row);
        while (pending.size() > MAX_BUFFERED) {
            pending.pollFirst();
            long dropped = droppedRows.incrementAndGet();
            if (dropped == 1 || dropped % 600 == 0) {
                log.warn("price log buffer full (database unreachable?): {} oldest rows dropped so far", dropped);
            }
        }
    }

    /**
     * Refills the in-memory window from the stored log of the last {@link PriceWindow#CAPACITY} seconds before
     * {@code now}, so that after a restart the deltas and averages continue instead of starting empty. One query
     * per symbol, at start only; returns how many seconds were restored.
     */
    public long restore(Instant now) {
        long restored = 0;
        for (Symbol symbol : properties.symbols()) {
            restored += restore(symbol, now);
        }
        return restored;
    }

    /** {@link #restore(Instant)} for one symbol. */
    public long restore(Symbol symbol, Instant now) {
        PriceWindow window = windows.get(symbol);
        if (window == null || window.newest() != null) {
            return 0;
        }
        long[] count = {0};
        rows.forEach(symbol, now.minusSeconds(PriceWindow.CAPACITY), now, p -> {
            window.log(p.at(), p.priceUnits());
            count[0]++;
        });
        return count[0];
    }

    /** Writes every buffered row in one batch; on failure the rows stay buffered for the next attempt. */
    public void flush() {
        List<LoggedSecond> batch = new ArrayList<>(pending.size());
        pending.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        try {
            rows.insert(batch);
        } catch (RuntimeException e) {
            for (int i = batch.size() - 1; i >= 0; i--) {
                pending.addFirst(batch.get(i));
            }
            log.warn("could not write {} price-log rows, will retry: {}", batch.size(), e.getMessage());
        }
    }

    /** Rows waiting for the next write. */
    public int pendingRows() {
        return pending.size();
    }
}
