package io.recio.trading;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import java.time.Instant;

/**
 * A trade on the wire (REST and the console's live channel): prices and money as Kalshi-style dollar strings
 * ({@code "0.4500"}), counts as contract strings ({@code "3.00"}), the strike and spots in dollars with cents.
 * Field meanings are {@link Trade}'s.
 */
public record TradeView(long id, String uid, String user, String symbol, String event, String ticker, String strike,
                        String side, String status, Instant marketClose, Double probAtEntry, String edgeAtEntry,
                        Double momentumAtEntry, String spotAtOpen, String spotAtClose, String requested,
                        String worstEntryPrice, String contracts, String entryPrice, String closedContracts,
                        String exitPrice, String fees, String payout, String pnl, String result, String entryMethod,
                        String closeMethod, String closeReason, String rejectReason, Instant createdAt,
                        Instant openedAt, Instant closedAt) {

    public static TradeView of(Trade t) {
        return new TradeView(t.id(), t.uid(), t.userId(), t.symbol().name(), t.ticker().event().toString(),
                t.ticker().toString(), t.strike().toDollars(2), t.side().name(), t.status().name(), t.marketClose(),
                t.probAtEntry(), dollars(t.edgeAtEntry()), t.momentumAtEntry(),
                t.spotAtOpen() == null ? null : t.spotAtOpen().toDollars(2),
                t.spotAtClose() == null ? null : t.spotAtClose().toDollars(2), count(t.requested()),
                price(t.worstEntryPrice()), count(t.contracts()), price(t.entryPrice()), count(t.closedContracts()),
                price(t.exitPrice()), dollars(t.fees()), dollars(t.payout()), dollars(t.pnl()), t.result(),
                t.entryMethod().name(), t.closeMethod() == null ? null : t.closeMethod().name(), t.closeReason(),
                t.rejectReason(), t.createdAt(), t.openedAt(), t.closedAt());
    }

    static String price(Price p) {
        return p == null ? null : p.toDollars();
    }

    static String count(Count c) {
        return c == null ? null : c.toFp();
    }

    static String dollars(Money m) {
        return m == null ? null : m.toDollars();
    }
}
