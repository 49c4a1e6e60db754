package io.recio.kalshi;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import java.time.Instant;

/**
 * What became of an order create (DESIGN.md §7): only a definite answer from Kalshi is {@link Accepted} or
 * {@link Rejected}; a timeout, 5xx, 429 or broken connection is {@link Unknown} and a duplicate
 * client_order_id is {@link DuplicateClientOrderId} — in both the caller resolves the order with
 * {@link KalshiTrading#findOrderByClientId} before sending anything else to that market.
 */
public sealed interface OrderOutcome {

    String clientOrderId();

    /**
     * Kalshi took the order.
     *
     * @param averageFillPrice YES-price average of the fills, null when nothing filled
     * @param averageFee       average fee per contract, null when nothing filled
     */
    record Accepted(String orderId, String clientOrderId, Count filled, Count remaining, Price averageFillPrice,
                    Money averageFee, Instant at) implements OrderOutcome {
    }

    /** Kalshi answered definitely that it did not take the order (4xx other than 409/429). */
    record Rejected(String clientOrderId, int httpStatus, String code, String message) implements OrderOutcome {
    }

    /** No definite answer: the order may or may not exist; look it up by client id. */
    record Unknown(String clientOrderId, String reason) implements OrderOutcome {
    }

    /** Kalshi already has an order with this client id (409): look it up, never resend. */
    record DuplicateClientOrderId(String clientOrderId, String message) implements OrderOutcome {
    }
}
