package io.recio.trading;

/**
 * A trade moved (or learned something about its order), published after the change is committed: one per line of
 * its trade log. The console turns it into toasts, sounds and notifications for the trade's owner.
 *
 * @param trade            the trade as committed
 * @param from             its status before (null when the trade was just recorded)
 * @param to               its status after (the same as {@code from} when only an order changed)
 * @param message          the trade log's line, in the trader's words
 * @param outcomeUnknown   whether an order of the trade has an UNKNOWN outcome: no one knows yet whether it filled
 */
public record TradeUpdated(Trade trade, TradeStatus from, TradeStatus to, String message, boolean outcomeUnknown) {
}
