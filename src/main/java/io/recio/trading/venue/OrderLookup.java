package io.recio.trading.venue;

/** The answer to "does the venue have the order with this client_order_id?". */
public sealed interface OrderLookup {

    /** The venue has it, with its fills so far. */
    record Found(OrderOutcome.Accepted order) implements OrderLookup {
    }

    /** The venue definitely has no order with that id. */
    record NotFound() implements OrderLookup {
    }

    /** The lookup itself failed; ask again later. */
    record Failed(String reason) implements OrderLookup {
    }
}
