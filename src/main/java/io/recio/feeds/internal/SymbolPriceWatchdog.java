package io.recio.feeds.internal;

import io.recio.market.Symbol;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REC.IO's {@code symbol_price_watchdog_btc} / {@code _eth}: each second of the clock, logs the symbol's price
 * from the freshest source (Coinbase, else Kalshi's index) with its deltas and momentum, and publishes it; writes
 * the logged seconds in batches every {@code recio.feeds.write-interval} ({@link PriceTickRetention} bounds them).
 * At start it restores the last 90 minutes from the stored log, so the deltas continue across a restart.
 * RUNNING on Coinbase, DEGRADED on the fallback or without any fresh price (see {@link Watchdogs}).
 */
public final class SymbolPriceWatchdog implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(SymbolPriceWatchdog.class);

    private final Symbol symbol;
    private final PriceLog priceLog;
    private final Watchdogs watchdogs;
    private final FeedsProperties properties;
    private final ServiceName name;
    private final Clock clock;
    private Instant nextWrite;

    SymbolPriceWatchdog(Symbol symbol, PriceLog priceLog, Watchdogs watchdogs, FeedsProperties properties,
                        Clock clock) {
        this.clock = clock;
        this.symbol = symbol;
        this.priceLog = priceLog;
        this.watchdogs = watchdogs;
        this.properties = properties;
        this.name = ServiceName.symbolPriceWatchdog(symbol);
    }

    @Override
    public ServiceName name() {
        return name;
    }

    @Override
    public List<ServiceName> dependencies() {
        return List.of(ServiceName.COINBASE_FEED);
    }

    @Override
    public boolean criticalToTrading() {
        return true;
    }

    @Override
    public void start(ServiceContext context) {
        boolean watched = properties.symbols().contains(symbol);
        context.detail("watched", watched);
        if (!watched) {
            return;
        }
        watchdogs.attach(symbol, context);
        Instant now = clock.instant();
        nextWrite = null;
        long restored = priceLog.restore(symbol, now);
        if (restored > 0) {
            log.info("price log: {} logged seconds of {} restored for the deltas", restored, symbol);
        }
    }

    /** A tenth of a second: the runner aligns it to the clock, so each second is logged just after it begins. */
    @Override
    public Duration dutyCycle() {
        return Duration.ofMillis(100);
    }

    @Override
    public int doWork(Instant now) {
        if (!properties.symbols().contains(symbol)) {
            return 0;
        }
        int work = priceLog.tick(symbol, now) ? 1 : 0;
        if (nextWrite == null || !now.isBefore(nextWrite)) {
            nextWrite = now.plus(properties.writeInterval());
            priceLog.flush();
        }
        return work;
    }

    @Override
    public void stop() {
        watchdogs.detach(symbol);
        priceLog.flush();
    }
}
