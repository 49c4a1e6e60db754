package io.recio.kalshi;

/** An order of ours changed (created, filled, canceled), from {@code user_orders} or a REST pass. */
public record OrderUpdated(KalshiOrder order) {
}
