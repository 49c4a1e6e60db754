package io.recio.trading;

import java.time.Instant;

/**
 * One reason that holds trading below ACTIVE.
 *
 * @param kind   where it comes from
 * @param mode   how far it holds trading: REDUCING or HALTED
 * @param reason what is wrong, in the trader's words
 * @param since  when it began
 */
public record TradingHold(Kind kind, TradingMode mode, String reason, Instant since) {

    /** Where a hold comes from; each kind holds at most once. */
    public enum Kind {
        /** A person or a risk limit engaged the kill switch; it stays until a person releases it. */
        KILL_SWITCH,
        /** The start-up reconciliation with the venue has not succeeded yet. */
        RECONCILIATION,
        /** Ops' cascading-failure detector suspended entries (a critical service down, stale data). */
        SUSPENSION,
        /** Another instance holds the trading lease for this account: this one is a read-only standby. */
        LEASE
    }
}
