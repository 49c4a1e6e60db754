package io.recio.trading.venue;

import io.recio.market.Count;
import java.util.List;

/**
 * What became of an order. Only a definite answer from the venue is {@link Rejected}; anything that
 * leaves doubt (timeout, 5xx, 429, dropped connection) is {@link Unknown}.
 */
public sealed interface OrderOutcome {

    /** The venue took the order; {@code fills} may be empty (an IOC that found nothing) or partial. */
    record Accepted(String venueOrderId, List<VenueFill> fills) implements OrderOutcome {
        public Accepted {
            fills = List.copyOf(fills);
        }

        public Count filled() {
            return fills.stream().map(VenueFill::count).reduce(Count.ZERO, Count::plus);
        }
    }

    /** The venue definitely did not take the order (validation, insufficient balance, market closed, ...). */
    record Rejected(String code, String message) implements OrderOutcome {
    }

    /** No definite answer: the order may or may not exist at the venue. */
    record Unknown(String reason) implements OrderOutcome {
    }
}
