package io.recio.pricing.internal.model;

import io.recio.market.Symbol;
import io.recio.pricing.ModelInputs;
import io.recio.pricing.ProbabilityModel;
import io.recio.pricing.SettlementDistribution;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The HAR-style volatility model live: the variance per minute is {@link HarVolatility}'s forecast from the trailing
 * one-minute closes (seeded from the one-minute history, then the last logged price of every minute of the price
 * log), with the weights fitted by the model build; Student-t ν and the settlement window as {@link VolatilityModel}.
 * The forecast is made at the newest completed minute, as the evaluation makes it at the close of each minute.
 */
public final class HarModel implements ProbabilityModel {

    public static final String NAME = "har";

    /** Closes of the completed minutes the longest window needs: its returns start one close before it. */
    static final int COMPLETED_MINUTES = HarVolatility.WINDOWS[HarVolatility.WINDOWS.length - 1] + 1;

    /** Per-symbol state, guarded by the model's monitor. */
    private static final class State {
        HarVolatility har;
        double nu = VolatilityFit.DEFAULT_NU;
        /** The close of each kept minute by epoch minute modulo the length; the completed ones and the current. */
        final double[] closes = new double[COMPLETED_MINUTES + 1];
        final long[] minutes = new long[COMPLETED_MINUTES + 1];
        long newest = Long.MIN_VALUE;
        /** The completed minute {@link #variance} was forecast at (it changes once a minute). */
        long forecastAt = Long.MIN_VALUE;
        double variance = Double.NaN;

        State() {
            Arrays.fill(minutes, Long.MIN_VALUE);
        }
    }

    private final Map<Symbol, State> states = new EnumMap<>(Symbol.class);

    public HarModel() {
        for (Symbol s : Symbol.values()) {
            states.put(s, new State());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Installs fitted weights and the Student-t ν of the volatility fit. */
    public synchronized void install(Symbol symbol, HarVolatility har, double nu) {
        State s = states.get(symbol);
        s.har = har;
        s.nu = nu;
        s.forecastAt = Long.MIN_VALUE;
    }

    /** The installed weights, or null before a build installed them. */
    public synchronized HarVolatility weights(Symbol symbol) {
        return states.get(symbol).har;
    }

    /**
     * Adds the closes of the newest minutes of {@code history}; a minute the price log already closed keeps the
     * logged price (the log is what the live price was).
     */
    public synchronized void seed(Symbol symbol, MinuteSeries history) {
        State s = states.get(symbol);
        for (int i = Math.max(0, history.size() - COMPLETED_MINUTES - 1); i < history.size(); i++) {
            double close = history.close(i);
            if (close > 0) {
                put(s, Math.floorDiv(history.minute(i).getEpochSecond(), 60), close, false);
            }
        }
    }

    /** Feeds one logged second: its price is the close of its minute so far. */
    public synchronized void observe(Symbol symbol, Instant at, double price) {
        if (price > 0) {
            put(states.get(symbol), Math.floorDiv(at.getEpochSecond(), 60), price, true);
        }
    }

    private static void put(State s, long minute, double close, boolean overwrite) {
        if (s.newest != Long.MIN_VALUE && minute < s.newest - COMPLETED_MINUTES) {
            return;
        }
        int slot = (int) Math.floorMod(minute, (long) s.closes.length);
        if (!overwrite && s.minutes[slot] == minute) {
            return;
        }
        s.closes[slot] = close;
        s.minutes[slot] = minute;
        if (minute > s.newest) {
            s.newest = minute;
        }
        if (minute < s.newest) {
            s.forecastAt = Long.MIN_VALUE;
        }
    }

    /** The forecast variance of one-minute log returns now, or NaN without weights or enough history. */
    public synchronized double variancePerMinute(Symbol symbol) {
        State s = states.get(symbol);
        if (s.har == null || s.newest == Long.MIN_VALUE) {
            return Double.NaN;
        }
        long completed = s.newest - 1;
        if (s.forecastAt != completed) {
            s.variance = forecast(s, completed);
            s.forecastAt = completed;
        }
        return s.variance;
    }

    /** The evaluation's forecast at the last minute of the completed closes, missing minutes left as gaps. */
    private static double forecast(State s, long completed) {
        long first = completed - COMPLETED_MINUTES + 1;
        MinuteSeries.Builder b = MinuteSeries.builder();
        b.add(Instant.ofEpochSecond(first * 60), Double.NaN, Double.NaN);
        b.add(Instant.ofEpochSecond(completed * 60), Double.NaN, Double.NaN);
        for (long m = first; m <= completed; m++) {
            int slot = (int) Math.floorMod(m, (long) s.closes.length);
            if (s.minutes[slot] == m) {
                b.add(Instant.ofEpochSecond(m * 60), s.closes[slot], s.closes[slot]);
            }
        }
        return s.har.variancePerMinute(b.build())[COMPLETED_MINUTES - 1];
    }

    public synchronized double nu(Symbol symbol) {
        return states.get(symbol).nu;
    }

    @Override
    public boolean isReady(Symbol symbol) {
        return variancePerMinute(symbol) > 0;
    }

    @Override
    public SettlementDistribution settlement(ModelInputs inputs) {
        double variance = variancePerMinute(inputs.symbol());
        if (!(variance > 0)) {
            throw new IllegalStateException("no HAR volatility forecast for " + inputs.symbol() + " yet");
        }
        return settlement(inputs, variance, nu(inputs.symbol()));
    }

    /** The distribution for a forecast variance of one-minute log returns and ν (the evaluation's entry). */
    public static SettlementDistribution settlement(ModelInputs inputs, double variancePerMinute, double nu) {
        return VolatilityModel.settlement(inputs, Math.sqrt(variancePerMinute / 60), nu);
    }
}
