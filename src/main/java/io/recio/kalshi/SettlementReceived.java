package io.recio.kalshi;

/** A settlement of ours that recio records for the first time. */
public record SettlementReceived(KalshiSettlement settlement) {
}
