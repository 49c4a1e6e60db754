package io.recio.pricing.internal;

import io.recio.RecioProperties;
import io.recio.feeds.PriceHistory;
import io.recio.market.Symbol;
import io.recio.pricing.internal.model.FingerprintBuilder;
import io.recio.pricing.internal.model.FingerprintTable;
import io.recio.pricing.internal.model.HarVolatility;
import io.recio.pricing.internal.model.MinuteSeries;
import io.recio.pricing.internal.model.VolatilityFit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Builds the model tables from the one-minute history, stores them in {@code analytics} and installs them. */
@Service
public class ModelBuilds {

    private static final Logger log = LoggerFactory.getLogger(ModelBuilds.class);

    /** Fewest one-minute candles worth building from (two hours gives every horizon a sample). */
    public static final int MIN_CANDLES = 180;

    /** History the HAR model's longest trailing window needs, with its first return's starting close. */
    private static final Duration HAR_HISTORY =
            Duration.ofMinutes(HarVolatility.WINDOWS[HarVolatility.WINDOWS.length - 1] + 2L);

    /** The outcome of one symbol's build; {@code volatility} and {@code har} are null when not fitted. */
    public record Report(Symbol symbol, boolean built, String message, long candles, Instant from, Instant to,
                         long samples, VolatilityFit volatility, HarVolatility har, Duration took) {
    }

    private final ObjectProvider<PriceHistory> history;
    private final SpotMinutes spot;
    private final ModelStore store;
    private final Models models;
    private final PricingProperties properties;
    private final Clock clock;
    /** How many candles each symbol's last build read (a build after new history may fit what it could not). */
    private final Map<Symbol, Long> builtFrom = new ConcurrentHashMap<>();
    private final Path mappedTables;

    ModelBuilds(ObjectProvider<PriceHistory> history, SpotMinutes spot, ModelStore store, Models models,
                PricingProperties properties, Clock clock, RecioProperties recio) {
        this.history = history;
        this.spot = spot;
        this.store = store;
        this.models = models;
        this.properties = properties;
        this.clock = clock;
        this.mappedTables = recio.dataDir().resolve("models");
    }

    /** Whether a history source exists and holds enough candles of {@code symbol} to build from. */
    public boolean historyAvailable(Symbol symbol) {
        PriceHistory h = history.getIfAvailable();
        return h != null && h.count(symbol) >= MIN_CANDLES;
    }

    /**
     * Installs the stored tables of every symbol; returns how many symbols had a fingerprint. First removes
     * the mapped-table files a process killed while writing one left behind (a mapped file is deleted as soon
     * as it is mapped, so whatever is there is unused; on Linux deleting a file another process still writes
     * or maps does not disturb it).
     */
    public int loadStored() {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(mappedTables, "fingerprint-*.bin")) {
            for (Path file : left) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // no table was mapped here yet
        } catch (IOException e) {
            log.warn("could not clear {} of mapped-table files: {}", mappedTables, e.toString());
        }
        int loaded = 0;
        for (Symbol symbol : Symbol.values()) {
            Optional<ModelStore.Build> build = store.build(symbol);
            build.map(ModelStore.Build::volatility).ifPresent(v -> models.volatility().seed(symbol, v));
            Optional<HarVolatility> har = build.map(ModelStore.Build::har);
            if (har.isPresent()) {
                models.har().install(symbol, har.get(), build.map(ModelStore.Build::volatility)
                        .map(VolatilityFit::nu).orElse(VolatilityFit.DEFAULT_NU));
            }
            Optional<FingerprintTable> table = store.fingerprint(symbol);
            if (table.isPresent()) {
                install(symbol, table.get());
                loaded++;
            }
        }
        return loaded;
    }

    /**
     * Builds, stores and installs the models of {@code symbol}; never throws for missing history. A build (the
     * table on the heap, the database holding the old and the new cells until its commit) is what grows the
     * heap; a full collection once the build's objects are unreachable gives that memory back to the system
     * at once (the launcher's MaxHeapFreeRatio) under any collector, where G1's periodic collection takes up
     * to a minute and the serial collector waits until its old generation fills. Builds run at start and
     * weekly, so the pause is rare.
     */
    public Report build(Symbol symbol, DoubleConsumer progress) {
        Report report = buildAndInstall(symbol, progress);
        if (report.built()) {
            System.gc();
        }
        return report;
    }

    private Report buildAndInstall(Symbol symbol, DoubleConsumer progress) {
        Instant started = clock.instant();
        PriceHistory h = history.getIfAvailable();
        if (h == null) {
            return new Report(symbol, false, "no price history source (feeds module) is available", 0, null, null, 0,
                    null, null, Duration.ZERO);
        }
        MinuteSeries.Builder builder = MinuteSeries.builder();
        long[] candles = {0};
        h.forEachCandle(symbol, Instant.EPOCH, started, c -> {
            builder.add(c);
            candles[0]++;
        });
        MinuteSeries series = builder.build();
        if (candles[0] < MIN_CANDLES) {
            return new Report(symbol, false, "only " + candles[0] + " one-minute candles of " + symbol
                    + " in history; at least " + MIN_CANDLES + " are needed", candles[0], null, null, 0, null,
                    null, Duration.ZERO);
        }
        PricingProperties.Fingerprint f = properties.fingerprint();
        FingerprintTable table = new FingerprintBuilder(f.yearlyDecay(), f.minSamples()).build(series, progress);
        VolatilityFit fit = VolatilityFit.fit(series,
                properties.volatility().historyHalfLife().toSeconds() / 60.0);
        HarVolatility har = HarVolatility.fit(series, series.size());
        Instant from = series.start();
        Instant to = series.minute(series.size() - 1);
        store.save(new ModelStore.Build(symbol, clock.instant(), from, to, candles[0], fit, har), table,
                f.yearlyDecay(), f.minSamples());
        install(symbol, table);
        if (fit != null) {
            models.volatility().seed(symbol, fit);
        }
        if (har != null) {
            models.har().install(symbol, har, fit == null ? VolatilityFit.DEFAULT_NU : fit.nu());
            models.har().seed(symbol, series);
        }
        builtFrom.put(symbol, candles[0]);
        Duration took = Duration.between(started, clock.instant());
        log.info("built the {} models from {} candles ({} to {}) in {} ms", symbol, candles[0], from, to,
                took.toMillis());
        return new Report(symbol, true, "built", candles[0], from, to, table.samplesAtOneMinute(), fit, har, took);
    }

    /**
     * Whether {@code symbol} lacks a model a build could give it: no fingerprint, or no HAR weights while the
     * history has changed since the last build (too short a history would otherwise be rebuilt every retry).
     */
    public boolean incomplete(Symbol symbol) {
        if (!models.fingerprint().isReady(symbol)) {
            return true;
        }
        if (models.har().weights(symbol) != null) {
            return false;
        }
        PriceHistory h = history.getIfAvailable();
        return h != null && !Long.valueOf(h.count(symbol)).equals(builtFrom.get(symbol));
    }

    /**
     * Gives the HAR model the newest day up to now its trailing windows start from, from the history and the price
     * log. Reads a day of seconds: at start, off the strike-table thread.
     */
    public void seedHar(Symbol symbol) {
        Instant now = clock.instant();
        models.har().seed(symbol, spot.between(symbol, now.minus(HAR_HISTORY), now));
    }

    /** Installs the table from a memory-mapped file; one that cannot be mapped (disk full) serves from the heap. */
    private void install(Symbol symbol, FingerprintTable table) {
        FingerprintTable installed = table;
        try {
            installed = table.mapped(mappedTables);
        } catch (IOException | UncheckedIOException e) {
            log.warn("the {} fingerprint stays in the heap: mapping it under {} failed: {}", symbol, mappedTables,
                    e.toString());
        }
        models.fingerprint().install(symbol, installed);
    }
}
