package io.recio.trading.internal;

import io.recio.trading.Trade;

/** The answer to an entry or close request: the trade as it now stands, or why nothing was sent. */
public sealed interface ExecutionResult {

    /** An order was sent (the trade may still be PENDING/CLOSING if the answer was UNKNOWN). */
    record Sent(Trade trade) implements ExecutionResult {
    }

    /** Nothing was sent, for this reason. */
    record Blocked(String reason) implements ExecutionResult {
    }
}
