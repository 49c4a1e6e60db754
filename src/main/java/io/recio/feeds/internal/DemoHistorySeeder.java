package io.recio.feeds.internal;

import io.recio.Mode;
import io.recio.RecioProperties;
import io.recio.market.Symbol;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Gives a fresh demo its price history: in demo mode, a symbol whose {@code historical_data} is empty is seeded
 * in the background from the candle files named in {@code recio.feeds.history-files}. Runs once per start,
 * never in paper or live mode, and not when {@code recio.services.autostart} is false.
 */
@Component
class DemoHistorySeeder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoHistorySeeder.class);

    private final FeedsProperties properties;
    private final RecioProperties recio;
    private final CandleStore store;
    private final HistoryImport history;
    private final boolean autostart;
    private volatile Thread worker;

    DemoHistorySeeder(FeedsProperties properties, RecioProperties recio, CandleStore store, HistoryImport history,
                      @Value("${recio.services.autostart:true}") boolean autostart) {
        this.properties = properties;
        this.recio = recio;
        this.store = store;
        this.history = history;
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
                }
            } catch (RuntimeException e) {
                log.warn("could not seed the demo history of {}: {}", symbol, e.getMessage());
            }
        }
    }

    private void seed(Symbol symbol) {
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
