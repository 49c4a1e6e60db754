package io.recio.trading;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import java.time.Instant;
import java.util.List;

/**
 * One trade with everything that happened to it: each order sent for it, each fill, each line of its log.
 *
 * @param trade  the trade
 * @param orders its orders, in the order they were written
 * @param fills  its fills, oldest first
 * @param log    its trade log, oldest first
 */
public record TradeDetail(Trade trade, List<Order> orders, List<Fill> fills, List<LogLine> log) {

    /**
     * One order of the trade.
     *
     * @param clientOrderId the deterministic client order id (from the trade's uid and the attempt)
     * @param attempt       1 for the entry, then one per exit attempt
     * @param purpose       ENTRY or EXIT
     * @param action        BUY or SELL
     * @param side          the side bought or sold
     * @param count         contracts asked for
     * @param worstPrice    the worst price accepted
     * @param timeInForce   IOC or FOK
     * @param status        SENDING, ACCEPTED, REJECTED or UNKNOWN (the venue's answer is not known yet)
     * @param filled        contracts filled
     * @param problem       the venue's reason for a rejection, or the doubt of an UNKNOWN order
     * @param createdAt     when it was written (before it was sent)
     * @param resolvedAt    when its outcome became definite
     */
    public record Order(String clientOrderId, int attempt, String purpose, String action, Side side, Count count,
                        Price worstPrice, String timeInForce, String status, Count filled, String problem,
                        Instant createdAt, Instant resolvedAt) {
    }

    /**
     * One fill, priced in the trade's side.
     *
     * @param fillId   the venue's id of the fill
     * @param purpose  ENTRY or EXIT
     * @param count    contracts
     * @param price    price per contract
     * @param fee      fee charged
     * @param filledAt when it filled
     */
    public record Fill(String fillId, String purpose, Count count, Price price, Money fee, Instant filledAt) {
    }

    /**
     * One line of the trade log.
     *
     * @param at      when
     * @param from    the status before (null when none)
     * @param to      the status after (null when none)
     * @param message what happened
     */
    public record LogLine(Instant at, TradeStatus from, TradeStatus to, String message) {
    }
}
