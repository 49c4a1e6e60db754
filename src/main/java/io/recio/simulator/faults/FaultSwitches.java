package io.recio.simulator.faults;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulator's fault switches, shared by the simulated exchange and feed: set from configuration
 * ({@code recio.simulator.faults.*}) and by a master admin through recio's API
 * ({@code /api/admin/simulator/faults}), read on every request and message. Switches hold until turned off; actions (drop connections, skip a seq) fire once.
 */
public final class FaultSwitches {

    /** The venue an action or switch applies to. */
    public enum Venue { KALSHI, COINBASE }

    /** One-shot actions a listener carries out. */
    public enum Action { DROP_WEBSOCKETS, SKIP_SEQ }

    private volatile long latencyMillis;
    private volatile double errorFraction;
    private volatile int errorStatus = 503;
    private volatile boolean orderResponseTimeout;
    private volatile boolean tradingPaused;
    private volatile boolean feedFrozen;
    private volatile boolean indexStopped;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** A snapshot of the switches, as the admin API shows them (the same names as {@link Change}). */
    public record State(long latencyMs, double errorFraction, int errorStatus, boolean orderResponseTimeout,
                        boolean tradingPaused, boolean feedFrozen, boolean indexStopped) {
    }

    /**
     * A change of several switches at once, as the admin API takes it: absent (null) values stay as they are (or go
     * back to off with {@code reset}); every value is checked before any is applied.
     *
     * @param latencyMs            extra delay of every Kalshi REST answer, 0 to 120000
     * @param errorFraction        fraction 0..1 of Kalshi REST requests answered with {@code errorStatus}
     * @param errorStatus          429, 500 or 503
     * @param orderResponseTimeout order creates are carried out but never answered
     * @param tradingPaused        a maintenance window
     * @param feedFrozen           the Coinbase feed goes silent
     * @param indexStopped         the exchange stops publishing CF Benchmarks' index
     * @param reset                every switch off first
     * @param fire                 one-shot actions on the Kalshi venue
     */
    public record Change(Long latencyMs, Double errorFraction, Integer errorStatus, Boolean orderResponseTimeout,
                         Boolean tradingPaused, Boolean feedFrozen, Boolean indexStopped, Boolean reset,
                         List<Action> fire) {
    }

    /** A value of a {@link Change} that is not allowed; {@code field} is its name on the wire. */
    public static final class InvalidChange extends IllegalArgumentException {
        private final String field;

        InvalidChange(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Applies {@code change} after checking every value; an {@link InvalidChange} changes nothing. */
    public synchronized State apply(Change change) {
        boolean reset = Boolean.TRUE.equals(change.reset());
        long latency = change.latencyMs() != null ? change.latencyMs() : reset ? 0 : latencyMillis;
        if (latency < 0 || latency > 120_000) {
            throw new InvalidChange("latency_ms", "latency_ms must be 0 to 120000, got " + latency);
        }
        double fraction = change.errorFraction() != null ? change.errorFraction() : reset ? 0 : errorFraction;
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new InvalidChange("error_fraction", "error_fraction must be between 0 and 1, got " + fraction);
        }
        int status = change.errorStatus() != null ? change.errorStatus() : reset ? 503 : errorStatus;
        if (status != 429 && status != 500 && status != 503) {
            throw new InvalidChange("error_status", "error_status must be 429, 500 or 503, got " + status);
        }
        if (change.fire() != null && change.fire().contains(null)) {
            throw new InvalidChange("fire", "fire lists actions: " + java.util.Arrays.toString(Action.values()));
        }
        if (reset) {
            reset();
        }
        latencyMillis(latency);
        errors(fraction, status);
        if (change.orderResponseTimeout() != null) {
            orderResponseTimeout(change.orderResponseTimeout());
        }
        if (change.tradingPaused() != null) {
            tradingPaused(change.tradingPaused());
        }
        if (change.feedFrozen() != null) {
            feedFrozen(change.feedFrozen());
        }
        if (change.indexStopped() != null) {
            indexStopped(change.indexStopped());
        }
        if (change.fire() != null) {
            change.fire().forEach(action -> fire(Venue.KALSHI, action));
        }
        return state();
    }

    private record Listener(Venue venue, Action action, Consumer<Action> handler) {
    }

    public State state() {
        return new State(latencyMillis, errorFraction, errorStatus, orderResponseTimeout, tradingPaused, feedFrozen,
                indexStopped);
    }

    /** Extra delay before every Kalshi REST answer. */
    public long latencyMillis() {
        return latencyMillis;
    }

    public void latencyMillis(long millis) {
        if (millis < 0 || millis > 120_000) {
            throw new IllegalArgumentException("latency_ms must be 0 to 120000, got " + millis);
        }
        this.latencyMillis = millis;
    }

    /** Fraction (0..1) of Kalshi REST requests answered with {@link #errorStatus()} instead. */
    public double errorFraction() {
        return errorFraction;
    }

    public int errorStatus() {
        return errorStatus;
    }

    public void errors(double fraction, int status) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("error_fraction must be between 0 and 1, got " + fraction);
        }
        if (status != 429 && status != 500 && status != 503) {
            throw new IllegalArgumentException("error_status must be 429, 500 or 503, got " + status);
        }
        this.errorFraction = fraction;
        this.errorStatus = status;
    }

    /** When on, an order create is carried out but its HTTP answer never comes (the client times out). */
    public boolean orderResponseTimeout() {
        return orderResponseTimeout;
    }

    public void orderResponseTimeout(boolean on) {
        this.orderResponseTimeout = on;
    }

    /** A maintenance window: no new orders (cancels allowed), exchange status says trading is inactive. */
    public boolean tradingPaused() {
        return tradingPaused;
    }

    public void tradingPaused(boolean on) {
        this.tradingPaused = on;
    }

    /** When on, the Coinbase feed stays connected but sends nothing (a silent stall). */
    public boolean feedFrozen() {
        return feedFrozen;
    }

    public void feedFrozen(boolean on) {
        this.feedFrozen = on;
    }

    /**
     * When on, the exchange stops publishing CF Benchmarks' index ({@code cfbenchmarks_value}): with the feed
     * frozen too, recio has no fresh price from any source.
     */
    public boolean indexStopped() {
        return indexStopped;
    }

    public void indexStopped(boolean on) {
        this.indexStopped = on;
    }

    /** Registers what a venue does when an action is fired for it. */
    public void onAction(Venue venue, Action action, Consumer<Action> handler) {
        listeners.add(new Listener(venue, action, handler));
    }

    /** Fires a one-shot action (drop every WebSocket of a venue, skip one seq number). */
    public void fire(Venue venue, Action action) {
        listeners.stream().filter(l -> l.venue() == venue && l.action() == action)
                .forEach(l -> l.handler().accept(action));
    }

    /** Turns every switch off. */
    public void reset() {
        latencyMillis = 0;
        errorFraction = 0;
        errorStatus = 503;
        orderResponseTimeout = false;
        tradingPaused = false;
        feedFrozen = false;
        indexStopped = false;
    }
}
