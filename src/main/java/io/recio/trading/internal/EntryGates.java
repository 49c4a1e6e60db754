package io.recio.trading.internal;

import io.recio.market.Side;
import io.recio.trading.StrikeView;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * REC.IO's auto-entry gates, in its order, as one pure function: auto-entry enabled; no spike alert;
 * time to close inside the window; the watchlist's volume and ask filters; probability ≥ minimum;
 * edge ≥ minimum; cooldown per strike and side; no open or pending trade on the same ticker and side.
 * Every refusal says which gate and why. A higher probability of the side (and so a higher edge at the same ask)
 * never turns an entry away, and neither does a cooldown that is not running or nothing held: the backtest
 * relies on both to skip pricing strikes the gates would refuse at any probability they can have.
 */
public final class EntryGates {

    private EntryGates() {
    }

    /** The answer for one side of one strike: enter, or the gate that said no. */
    public static final class Decision {
        static final Decision ENTER = new Decision(true, () -> "all gates passed");

        private final boolean enter;
        private final Supplier<String> why;

        private Decision(boolean enter, Supplier<String> why) {
            this.enter = enter;
            this.why = why;
        }

        /** A refusal whose reason is worded only when asked for (a scan refuses thousands of sides a second). */
        static Decision no(Supplier<String> reason) {
            return new Decision(false, reason);
        }

        public boolean enter() {
            return enter;
        }

        /** Why: the gate that said no and its figures, or that all gates passed. */
        public String reason() {
            return why.get();
        }

        @Override
        public String toString() {
            return (enter ? "enter: " : "no: ") + reason();
        }
    }

    /** The gates in the order they are asked; the first that says no decides. */
    public enum Gate { DISABLED, SPIKE, STALE, TIME, VOLUME, ASK, PROBABILITY, NO_ASK, EDGE, COOLDOWN, HOLDING }

    /**
     * @param lastEntry     the last auto entry on this strike and side, or null
     * @param alreadyHolding whether an open or pending trade on this ticker and side exists
     */
    public static Decision evaluate(StrikeView view, Side side, TradeSettings s, SpikeAlert spike, Instant lastEntry,
                                    boolean alreadyHolding, Instant now) {
        Gate refusal = refusal(view, side, s, spike, lastEntry, alreadyHolding, now);
        return refusal == null ? Decision.ENTER
                : Decision.no(() -> reason(refusal, view, side, s, spike, lastEntry, now));
    }

    /**
     * The gate that refuses this side of this strike, or null when every gate passes: {@link #evaluate} without
     * wording a reason or allocating, for a scan that asks it for thousands of sides a second.
     */
    public static Gate refusal(StrikeView view, Side side, TradeSettings s, SpikeAlert spike, Instant lastEntry,
                               boolean alreadyHolding, Instant now) {
        if (!s.autoEntryEnabled()) {
            return Gate.DISABLED;
        }
        if (spike.alert()) {
            return Gate.SPIKE;
        }
        if (view.stale()) {
            return Gate.STALE;
        }
        long toClose = wholeSecondsBetween(now, view.close());
        if (toClose < s.minTimeSeconds() || toClose > s.maxTimeSeconds()) {
            return Gate.TIME;
        }
        if (view.volume().compareTo(s.minVolume()) < 0) {
            return Gate.VOLUME;
        }
        if (view.ask(side).compareTo(s.maxAsk()) > 0) {
            return Gate.ASK;
        }
        // written so that a NaN (a model without data) fails the gate instead of slipping through a comparison
        if (!(view.probability(side) * 100 >= s.minProbability())) {
            return Gate.PROBABILITY;
        }
        if (view.edge(side) == null) {
            return Gate.NO_ASK;
        }
        if (view.edge(side).compareTo(s.minEdge()) < 0) {
            return Gate.EDGE;
        }
        if (lastEntry != null && wholeSecondsBetween(lastEntry, now) < s.cooldownSeconds()) {
            return Gate.COOLDOWN;
        }
        if (alreadyHolding) {
            return Gate.HOLDING;
        }
        return null;
    }

    /** Why {@code gate} said no, with its figures. */
    private static String reason(Gate gate, StrikeView view, Side side, TradeSettings s, SpikeAlert spike,
                                 Instant lastEntry, Instant now) {
        return switch (gate) {
            case DISABLED -> "auto-entry is disabled";
            case SPIKE -> "spike alert since " + spike.spikeSince() + " (entries resume after "
                    + s.recoveryMinutes() + " min below " + s.recoveryThreshold() + "%)";
            case STALE -> "strike data is stale";
            case TIME -> "time to close " + wholeSecondsBetween(now, view.close()) + " s is outside "
                    + s.minTimeSeconds() + "–" + s.maxTimeSeconds() + " s";
            case VOLUME -> "volume " + view.volume() + " is below " + s.minVolume();
            case ASK -> side + " ask " + view.ask(side) + " is above " + s.maxAsk();
            case PROBABILITY -> String.format("%s probability %.2f is below %.2f", side, view.probability(side) * 100,
                    s.minProbability());
            case NO_ASK -> "no " + side + " ask to buy";
            case EDGE -> side + " edge " + view.edge(side) + " is below " + s.minEdge();
            case COOLDOWN -> "cooldown: last entry on " + view.ticker() + " " + side + " at " + lastEntry;
            case HOLDING -> "an open or pending trade on " + view.ticker() + " " + side + " exists";
        };
    }

    /** {@code Duration.between(from, to).toSeconds()} without the Duration: whole seconds, rounded down. */
    private static long wholeSecondsBetween(Instant from, Instant to) {
        long seconds = to.getEpochSecond() - from.getEpochSecond();
        return to.getNano() < from.getNano() ? seconds - 1 : seconds;
    }
}
