package io.recio.trading;

import java.util.List;

/**
 * The one answer to "may recio trade now?": the most restrictive mode of its holds (ACTIVE without any),
 * and every hold that keeps it there.
 */
public record TradingState(TradingMode mode, List<TradingHold> holds) {

    public TradingState {
        holds = List.copyOf(holds);
    }

    /** The state of these holds. */
    public static TradingState of(List<TradingHold> holds) {
        TradingMode mode = TradingMode.ACTIVE;
        for (TradingHold h : holds) {
            if (h.mode().compareTo(mode) > 0) {
                mode = h.mode();
            }
        }
        return new TradingState(mode, holds);
    }

    /** Whether a new trade may be entered. */
    public boolean entriesAllowed() {
        return mode == TradingMode.ACTIVE;
    }

    /** Whether an open trade may be closed. */
    public boolean exitsAllowed() {
        return mode != TradingMode.HALTED;
    }

    /** Why entries are refused: the reasons of every hold, or empty text when they are allowed. */
    public String why() {
        return String.join("; ", holds.stream().map(TradingHold::reason).toList());
    }
}
