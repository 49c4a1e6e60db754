package io.recio.trading;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a trade is in its life: PENDING → OPEN → CLOSING → CLOSED, or OPEN → EXPIRED → SETTLED, or
 * PENDING → REJECTED. Only the moves {@link #canMoveTo} allows are ever written.
 */
public enum TradeStatus {
    /** The entry order is written and sent (or its answer is still unknown). */
    PENDING,
    /** Contracts are held. */
    OPEN,
    /** An exit order is out. */
    CLOSING,
    /** Fully sold before the close. */
    CLOSED,
    /** Held through the close; waiting for Kalshi's settlement. */
    EXPIRED,
    /** Paid out by Kalshi's settlement. */
    SETTLED,
    /** The entry got no fill or a definite rejection. */
    REJECTED;

    /** Whether a trade in this state may be moved to {@code next}. */
    public boolean canMoveTo(TradeStatus next) {
        return successors().contains(next);
    }

    private Set<TradeStatus> successors() {
        return switch (this) {
            case PENDING -> EnumSet.of(OPEN, REJECTED);
            // CLOSED from OPEN: reconciliation found the venue no longer holds the contracts.
            case OPEN -> EnumSet.of(CLOSING, EXPIRED, CLOSED);
            // OPEN again when the exit order got no (or a partial) fill; EXPIRED when the close passed meanwhile.
            case CLOSING -> EnumSet.of(CLOSED, OPEN, EXPIRED);
            case EXPIRED -> EnumSet.of(SETTLED);
            case CLOSED, SETTLED, REJECTED -> EnumSet.noneOf(TradeStatus.class);
        };
    }

    /** Whether contracts may still be held (the trade counts toward exposure). */
    public boolean holdsContracts() {
        return this == OPEN || this == CLOSING || this == EXPIRED;
    }

    /** Whether the trade is finished. */
    public boolean isFinal() {
        return this == CLOSED || this == SETTLED || this == REJECTED;
    }
}
