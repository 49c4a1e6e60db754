package io.recio.feeds.internal;

import io.recio.feeds.Candle;
import io.recio.feeds.HistoryFile;
import io.recio.feeds.HistoryImported;
import io.recio.market.Symbol;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Gives a fresh demo its price history, as the managed service {@code demo_history_seeder} (demo mode only): a
 * symbol whose {@code historical_data} is empty is seeded with {@code recio.feeds.demo-history-days} of one-minute
 * candles from the simulator's price model (so the history runs into the simulated present), or, when no simulator
 * history is available, from the candle files named in {@code recio.feeds.history-files}. Its first duty cycle
 * does the work (in the background of start-up); later ones have nothing to do.
 */
@Component
@ConditionalOnProperty(name = "recio.mode", havingValue = "demo", matchIfMissing = true)
class DemoHistorySeeder implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(DemoHistorySeeder.class);

    private final FeedsProperties properties;
    private final CandleStore store;
    private final HistoryImport history;
    private final Supplier<SimulatedHistory> simulator;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile boolean done;
    private volatile ServiceContext context;

    @Autowired
    DemoHistorySeeder(FeedsProperties properties, CandleStore store, HistoryImport history,
                      ObjectProvider<SimulatedHistory> simulator, Clock clock, ApplicationEventPublisher events) {
        this(properties, store, history, simulator::getIfUnique, clock, events);
    }

    DemoHistorySeeder(FeedsProperties properties, CandleStore store, HistoryImport history,
                      Supplier<SimulatedHistory> simulator, Clock clock, ApplicationEventPublisher events) {
        this.properties = properties;
        this.store = store;
        this.history = history;
        this.simulator = simulator;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public ServiceName name() {
        return ServiceName.DEMO_HISTORY_SEEDER;
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
    }

    @Override
    public Duration dutyCycle() {
        return Duration.ofSeconds(10);
    }

    @Override
    public int doWork(Instant now) {
        if (done) {
            return 0;
        }
        seedAll();
        done = !stopping();
        context.detail("seeded", done);
        return 1;
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
                HistoryImport.Report report = history.importFile(file, symbol, HistoryFile.Mode.LENIENT, Progress.NONE);
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
        for (Instant day = from; day.isBefore(end) && !stopping(); ) {
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

    /** A stop during the seeding ends it after the current day; the next start sees a history that is not empty. */
    private boolean stopping() {
        ServiceContext c = context;
        return c != null && c.stopping();
    }

    @Override
    public void stop() {
        // the seeding ends by itself when asked to stop (see stopping())
    }
}
