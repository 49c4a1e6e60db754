package io.recio.trading.internal;

import io.recio.market.Side;
import io.recio.trading.StrikeView;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * REC.IO's auto-entry gates, in its order, as one pure function: auto-entry enabled; no spike alert;
 * time to close inside the window; the watchlist's volume and ask filters; probability ≥ minimum;
 * edge ≥ minimum; cooldown per strike and side; no open or pending trade on the same ticker and side.
 * Every refusal says which gate and why.
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

    /**
     * @param lastEntry     the last auto entry on this strike and side, or null
     * @param alreadyHolding whether an open or pending trade on this ticker and side exists
     */
    public static Decision evaluate(StrikeView view, Side side, TradeSettings s, SpikeAlert spike, Instant lastEntry,
                                    boolean alreadyHolding, Instant now) {
        if (!s.autoEntryEnabled()) {
            return Decision.no(() -> "auto-entry is disabled");
        }
        if (spike.alert()) {
            return Decision.no(() -> "spike alert since " + spike.spikeSince() + " (entries resume after "
                    + s.recoveryMinutes() + " min below " + s.recoveryThreshold() + "%)");
        }
        if (view.stale()) {
            return Decision.no(() -> "strike data is stale");
        }
        long toClose = Duration.between(now, view.close()).toSeconds();
        if (toClose < s.minTimeSeconds() || toClose > s.maxTimeSeconds()) {
            return Decision.no(() -> "time to close " + toClose + " s is outside " + s.minTimeSeconds() + "–"
                    + s.maxTimeSeconds() + " s");
        }
        if (view.volume().compareTo(s.minVolume()) < 0) {
            return Decision.no(() -> "volume " + view.volume() + " is below " + s.minVolume());
        }
        if (view.ask(side).compareTo(s.maxAsk()) > 0) {
            return Decision.no(() -> side + " ask " + view.ask(side) + " is above " + s.maxAsk());
        }
        double probability = view.probability(side) * 100;
        if (probability < s.minProbability()) {
            return Decision.no(() -> String.format("%s probability %.2f is below %.2f", side, probability, s.minProbability()));
        }
        if (view.edge(side) == null) {
            return Decision.no(() -> "no " + side + " ask to buy");
        }
        if (view.edge(side).compareTo(s.minEdge()) < 0) {
            return Decision.no(() -> side + " edge " + view.edge(side) + " is below " + s.minEdge());
        }
        if (lastEntry != null && Duration.between(lastEntry, now).toSeconds() < s.cooldownSeconds()) {
            return Decision.no(() -> "cooldown: last entry on " + view.ticker() + " " + side + " at " + lastEntry);
        }
        if (alreadyHolding) {
            return Decision.no(() -> "an open or pending trade on " + view.ticker() + " " + side + " exists");
        }
        return Decision.ENTER;
    }
}
