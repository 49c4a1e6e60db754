package io.recio.feeds.internal;

import io.recio.Mode;
import io.recio.RecioProperties;
import io.recio.feeds.Candle;
import io.recio.feeds.HistoryImported;
import io.recio.market.Symbol;
import io.recio.simulator.prices.MinuteCandle;
import io.recio.simulator.prices.SimulatedHistory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Gives a fresh demo its price history: in demo mode, a symbol whose {@code historical_data} is empty is seeded
 * in the background with {@code recio.feeds.demo-history-days} of one-minute candles from the simulator's
 * price model (so the history runs into the simulated present), or, when no simulator history is available,
 * from the candle files named in {@code recio.feeds.history-files}. Runs once per start, never in paper or
 * live mode, and not when {@code recio.services.autostart} is false.
 */
@Component
class DemoHistorySeeder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoHistorySeeder.class);

    private final FeedsProperties properties;
    private final RecioProperties recio;
    private final CandleStore store;
    private final HistoryImport history;
    private final Supplier<SimulatedHistory> simulator;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final boolean autostart;
    private volatile Thread worker;

    @Autowired
    DemoHistorySeeder(FeedsProperties properties, RecioProperties recio, CandleStore store, HistoryImport history,
                      ObjectProvider<SimulatedHistory> simulator, Clock clock, ApplicationEventPublisher events,
                      @Value("${recio.services.autostart:true}") boolean autostart) {
        this(properties, recio, store, history, simulator::getIfUnique, clock, events, autostart);
    }

    DemoHistorySeeder(FeedsProperties properties, RecioProperties recio, CandleStore store, HistoryImport history,
                      Supplier<SimulatedHistory> simulator, Clock clock, ApplicationEventPublisher events,
                      boolean autostart) {
        this.properties = properties;
        this.recio = recio;
        this.store = store;
        this.history = history;
        this.simulator = simulator;
        this.clock = clock;
        this.events = events;
        this.autostart = autostart;
    }

    @Override
    public boolean isAutoStartup() {
        return autostart;
    }

    @Override
    public synchronized void start() {
        if (worker == null && recio.mode() == Mode.DEMO) {
            worker = Thread.ofVirtual().name("demo-history").start(this::seedAll);
        }
    }

    /** Seeds every watched symbol whose history is empty; returns when done (the worker's body). */
    void seedAll() {
        for (Symbol symbol : properties.symbols()) {
            try {
                if (store.count(symbol) == 0) {
                    seed(symbol);
                    long stored = store.count(symbol);
                    if (stored > 0) {
                        events.publishEvent(new HistoryImported(symbol, stored));
                    }
                }
            } catch (RuntimeException e) {
                log.warn("could not seed the demo history of {}: {}", symbol, e.getMessage());
            }
        }
    }

    private void seed(Symbol symbol) {
        SimulatedHistory model = simulator.get();
        if (model != null && properties.demoHistoryDays() > 0) {
            seedFromSimulator(symbol, model);
            return;
        }
        List<Path> files = properties.historyFiles().getOrDefault(symbol, List.of());
        if (files.isEmpty()) {
            log.info("demo history of {} is empty and recio.feeds.history-files names no file for it", symbol);
            return;
        }
        for (Path file : files) {
            try {
                HistoryImport.Report report = history.importFile(file, symbol, Progress.NONE);
                log.info("demo history: {}", report.summary());
            } catch (Exception e) {
                log.warn("demo history: could not import {} for {}: {}", file, symbol, e.getMessage());
            }
        }
    }

    /** Day by day, oldest first, so an interrupted seeding leaves a contiguous older part. */
    private void seedFromSimulator(Symbol symbol, SimulatedHistory model) {
        Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant from = end.minus(Duration.ofDays(properties.demoHistoryDays()));
        long inserted = 0;
        for (Instant day = from; day.isBefore(end) && !Thread.currentThread().isInterrupted(); ) {
            Instant next = day.plus(Duration.ofDays(1));
            if (next.isAfter(end)) {
                next = end;
            }
            List<CandleRow> rows = new ArrayList<>();
            for (MinuteCandle c : model.minuteCandles(symbol, day, next)) {
                rows.add(new CandleRow(new Candle(symbol, c.start(), c.open(), c.high(), c.low(), c.close(),
                        "simulator"), null));
            }
            inserted += store.insert(rows);
            day = next;
        }
        log.info("demo history of {}: {} simulated one-minute candles from {} to {}", symbol, inserted, from, end);
    }

    @Override
    public synchronized void stop() {
        Thread t = worker;
        worker = null;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
