package io.recio.kalshi;

/** The account's balance differs from the last one recio saw. */
public record BalanceChanged(KalshiBalance balance) {
}
