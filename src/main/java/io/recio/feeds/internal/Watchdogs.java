package io.recio.feeds.internal;

import io.recio.market.Symbol;
import io.recio.ops.ServiceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the {@link SymbolPriceWatchdog}s report: their health (RUNNING on Coinbase, DEGRADED on the fallback or
 * with no price), the source in use, and the counters of everything the feed rejected or missed. The feed client
 * and the price log report here; a watchdog attaches its service context while it runs.
 */
@Component
public class Watchdogs {

    private static final Logger log = LoggerFactory.getLogger(Watchdogs.class);

    /** The counters of one symbol, shown in its service's health. */
    public static final class Counters {
        final AtomicLong rejectedPrices = new AtomicLong();
        final AtomicLong missedTrades = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        final AtomicLong gapSeconds = new AtomicLong();
        final AtomicLong loggedSeconds = new AtomicLong();
        final AtomicLong sourceSwitches = new AtomicLong();

        public long rejectedPrices() {
            return rejectedPrices.get();
        }

        public long missedTrades() {
            return missedTrades.get();
        }

        public long outOfOrder() {
            return outOfOrder.get();
        }

        public long gapSeconds() {
            return gapSeconds.get();
        }

        public long loggedSeconds() {
            return loggedSeconds.get();
        }

        public long sourceSwitches() {
            return sourceSwitches.get();
        }
    }

    private final Map<Symbol, ServiceContext> services = new ConcurrentHashMap<>();
    private final Map<Symbol, Counters> counters = new EnumMap<>(Symbol.class);
    private final Map<Symbol, String> sources = new EnumMap<>(Symbol.class);
    private final AtomicLong malformedFrames = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong staleConnections = new AtomicLong();

    private final Map<Symbol, Instant> startedAt = new EnumMap<>(Symbol.class);
    private final Clock clock;
    private final Duration startGrace;

    public Watchdogs(FeedsProperties properties, Clock clock) {
        this.clock = clock;
        // A feed needs a moment to connect: no price in the first seconds is not yet a degradation.
        this.startGrace = properties.staleAfter().multipliedBy(3);
        for (Symbol symbol : Symbol.values()) {
            counters.put(symbol, new Counters());
        }
    }

    /** Passes a report to the watchdog of {@code symbol}, if it runs (a stopped one has no health to report). */
    private void report(Symbol symbol, Consumer<ServiceContext> what) {
        ServiceContext context = services.get(symbol);
        if (context != null) {
            what.accept(context);
        }
    }

    public Counters counters(Symbol symbol) {
        return counters.get(symbol);
    }

    public long malformedFrames() {
        return malformedFrames.get();
    }

    public long reconnects() {
        return reconnects.get();
    }

    public long staleConnections() {
        return staleConnections.get();
    }

    /** The watchdog of {@code symbol} starts: its reports go to {@code context} until it stops. */
    void attach(Symbol symbol, ServiceContext context) {
        synchronized (sources) {
            startedAt.put(symbol, clock.instant());
            sources.remove(symbol);
        }
        services.put(symbol, context);
    }

    void detach(Symbol symbol) {
        services.remove(symbol);
        synchronized (sources) {
            sources.remove(symbol);
        }
    }

    /** The source a logged second came from ({@code null}: no fresh source, the second is a gap). */
    void sourceUsed(Symbol symbol, String source) {
        String previous;
        synchronized (sources) {
            previous = sources.put(symbol, source == null ? "none" : source);
        }
        String now = source == null ? "none" : source;
        if (now.equals(previous)) {
            return;
        }
        if (source == null && previous == null && withinStartGrace(symbol)) {
            // Just started: no price yet is not yet a degradation; look again next second.
            synchronized (sources) {
                sources.remove(symbol);
            }
            report(symbol, c -> c.detail("source", now));
            return;
        }
        if (previous != null) {
            counters.get(symbol).sourceSwitches.incrementAndGet();
            log.info("{} price source: {} -> {}", symbol, previous, now);
        }
        report(symbol, c -> {
            c.detail("source", now);
            if (SourceBoard.COINBASE.equals(source)) {
                c.healthy();
            } else if (source != null) {
                c.degraded("Coinbase is stale; prices come from the fallback " + source);
            } else {
                c.degraded("no fresh price from any source; seconds are not logged");
            }
        });
    }

    private boolean withinStartGrace(Symbol symbol) {
        Instant started;
        synchronized (sources) {
            started = startedAt.get(symbol);
        }
        return started != null && clock.instant().isBefore(started.plus(startGrace));
    }

    /** The source currently in use for {@code symbol}: "coinbase", "kalshi-cfbenchmarks", "none", or null before the first second. */
    public String source(Symbol symbol) {
        synchronized (sources) {
            return sources.get(symbol);
        }
    }

    void rejectedPrice(Symbol symbol) {
        bump(symbol, counters.get(symbol).rejectedPrices, "rejected_prices");
    }

    void missedTrades(Symbol symbol, long n) {
        long total = counters.get(symbol).missedTrades.addAndGet(n);
        report(symbol, c -> c.detail("missed_trades", total));
    }

    void outOfOrder(Symbol symbol) {
        bump(symbol, counters.get(symbol).outOfOrder, "out_of_order_messages");
    }

    void gap(Symbol symbol) {
        bump(symbol, counters.get(symbol).gapSeconds, "gap_seconds");
    }

    void logged(Symbol symbol, long ageMillis) {
        bump(symbol, counters.get(symbol).loggedSeconds, "logged_seconds");
        report(symbol, c -> c.detail("last_message_age_ms", ageMillis));
    }

    void malformedFrame() {
        long n = malformedFrames.incrementAndGet();
        services.values().forEach(s -> s.detail("malformed_frames", n));
    }

    void reconnect(boolean stale) {
        long n = reconnects.incrementAndGet();
        services.values().forEach(s -> s.detail("reconnects", n));
        if (stale) {
            long m = staleConnections.incrementAndGet();
            services.values().forEach(s -> s.detail("stale_connections", m));
        }
    }

    private void bump(Symbol symbol, AtomicLong counter, String detail) {
        long n = counter.incrementAndGet();
        report(symbol, c -> c.detail(detail, n));
    }
}
