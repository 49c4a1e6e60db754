package io.recio.simulator.prices.model;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.prices.MinuteCandle;
import io.recio.simulator.prices.SimulatedHistory;
import io.recio.simulator.prices.SimulatedPrices;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated world's BTC and ETH index: a seeded stochastic model (regime-switching variance, Student-t
 * seconds, jumps, UTC-hour seasonality, BTC-ETH correlation; figures in {@link ModelParameters}), or
 * real one-minute candles replayed for a symbol. The modelled symbols stand at their start prices at
 * the second the model was created; the same seed and start give the same path.
 */
public final class PriceModel implements SimulatedPrices, SimulatedHistory {

    private static final Duration MAX_HISTORY = Duration.ofDays(366);

    private final Clock clock;
    private final PricePath path;
    private final long anchorEpoch;
    private final boolean btcReplayed;
    private final boolean ethReplayed;

    /**
     * @param clock     the clock "now" is read from
     * @param seed      the seed of every random draw
     * @param btcStart  BTC at the anchor second (ignored when BTC is replayed)
     * @param ethStart  ETH at the anchor second (ignored when ETH is replayed)
     * @param btcReplay a one-minute candle file replayed for BTC, starting at the anchor's minute, or null
     * @param ethReplay the same for ETH, or null
     * @throws IllegalArgumentException when a replay file cannot be read or is not a one-minute candle file
     */
    public PriceModel(Clock clock, long seed, SpotPrice btcStart, SpotPrice ethStart, Path btcReplay, Path ethReplay) {
        this.clock = Objects.requireNonNull(clock);
        if (btcStart.units() <= 0 || ethStart.units() <= 0) {
            throw new IllegalArgumentException("start prices must be positive, got BTC " + btcStart + " and ETH " + ethStart);
        }
        this.anchorEpoch = clock.instant().getEpochSecond();
        long startMinute = Math.floorDiv(anchorEpoch, 60);
        ReplayTape btc = btcReplay == null ? null : new ReplayTape(CandleFile.read(btcReplay), startMinute, seed);
        ReplayTape eth = ethReplay == null ? null : new ReplayTape(CandleFile.read(ethReplay), startMinute, seed + 1);
        this.btcReplayed = btc != null;
        this.ethReplayed = eth != null;
        this.path = new PricePath(seed, anchorEpoch, btcStart.dollars(), ethStart.dollars(), btc, eth);
    }

    /** The second at which the modelled symbols stand at their start prices (and replays begin). */
    public Instant anchor() {
        return Instant.ofEpochSecond(anchorEpoch);
    }

    /** Whether the symbol's values come from a replayed file rather than the model. */
    public boolean replayed(Symbol symbol) {
        return symbol == Symbol.BTC ? btcReplayed : ethReplayed;
    }

    @Override
    public SpotPrice indexAt(Symbol symbol, Instant at) {
        return new SpotPrice(units(symbol, at.getEpochSecond()));
    }

    @Override
    public Optional<SpotPrice> settlementAverage(Symbol symbol, Instant close) {
        if (clock.instant().isBefore(close)) {
            return Optional.empty();
        }
        long sum = windowSum(symbol, close);
        // Half-up to the cent (100 units) of sum / 60, in integers so no rounding error can creep in.
        long cents = (sum + 3_000) / 6_000;
        return Optional.of(new SpotPrice(cents * 100));
    }

    @Override
    public SpotPrice trailingAverage(Symbol symbol, Instant at) {
        return new SpotPrice((windowSum(symbol, at) + 30) / 60);
    }

    /** The sum of the 60 one-second values in (at − 60 s, at]: the whole seconds floor(at) − 59 .. floor(at). */
    private synchronized long windowSum(Symbol symbol, Instant at) {
        long last = at.getEpochSecond();
        long sum = 0;
        for (long s = last - 59; s <= last; s++) {
            sum += path.units(symbol, s);
        }
        return sum;
    }

    @Override
    public synchronized double annualisedVolatility(Symbol symbol) {
        long now = clock.instant().getEpochSecond();
        if (!replayed(symbol)) {
            return path.annualisedVolatility(symbol, now);
        }
        // A replayed symbol runs at whatever the file did: the realised volatility of its last hour.
        double sumSq = 0;
        for (long s = now - 3_599; s <= now; s++) {
            double r = Math.log(path.units(symbol, s) / (double) path.units(symbol, s - 1));
            sumSq += r * r;
        }
        return Math.sqrt(sumSq * 24 * 365);
    }

    @Override
    public List<MinuteCandle> minuteCandles(Symbol symbol, Instant from, Instant to) {
        long first = Math.floorDiv(from.getEpochSecond(), 60);
        long end = Math.floorDiv(to.getEpochSecond() + 59, 60);
        if (end < first) {
            throw new IllegalArgumentException("candle period ends (" + to + ") before it starts (" + from + ")");
        }
        if ((end - first) * 60 > MAX_HISTORY.toSeconds()) {
            throw new IllegalArgumentException("candle period " + from + " to " + to + " is longer than "
                    + MAX_HISTORY.toDays() + " days");
        }
        List<MinuteCandle> candles = new ArrayList<>((int) (end - first));
        for (long m = first; m < end; m++) {
            candles.add(minute(symbol, m));
        }
        return candles;
    }

    private synchronized MinuteCandle minute(Symbol symbol, long epochMinute) {
        long start = epochMinute * 60;
        long open = path.units(symbol, start);
        long high = open;
        long low = open;
        long close = open;
        for (long s = start + 1; s < start + 60; s++) {
            close = path.units(symbol, s);
            high = Math.max(high, close);
            low = Math.min(low, close);
        }
        return new MinuteCandle(symbol, Instant.ofEpochSecond(start), new SpotPrice(open), new SpotPrice(high),
                new SpotPrice(low), new SpotPrice(close));
    }

    private synchronized long units(Symbol symbol, long epochSecond) {
        return path.units(symbol, epochSecond);
    }
}
