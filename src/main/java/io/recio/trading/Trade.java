package io.recio.trading;

import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.time.Instant;

/**
 * One trade as recorded (what REC.IO's trades table held, plus its state). Prices are the held
 * side's prices; null fields are not known yet.
 *
 * @param id              local id
 * @param uid             stable public id; client order ids derive from it
 * @param userId          who opened it (the auto-entry user for automatic trades)
 * @param ticker          the market
 * @param strike          the strike (the market's floor for above/below markets)
 * @param side            the side held
 * @param status          life-cycle state
 * @param marketClose     when the market closes
 * @param probAtEntry     model probability of the held side at entry (0..1)
 * @param edgeAtEntry     edge per contract at entry (after fees)
 * @param momentumAtEntry momentum (percent) at entry
 * @param spotAtOpen      spot when opened
 * @param spotAtClose     spot when closed or expired
 * @param requested       contracts asked for
 * @param worstEntryPrice the worst price accepted for the entry
 * @param contracts       contracts filled at entry
 * @param entryPrice      average entry fill price
 * @param closedContracts contracts sold so far, plus any reconciliation found no longer held
 * @param exitPrice       average exit fill price
 * @param fees            fees paid (entry, exit and settlement)
 * @param payout          settlement payout
 * @param pnl             realized profit and loss once final
 * @param result          WIN or LOSS once final
 * @param entryMethod     manual, auto or external
 * @param closeMethod     manual, auto, expired or reconciled
 * @param closeReason     why it was closed (the auto-stop rule, ...)
 * @param rejectReason    why it was rejected
 * @param createdAt       when the intent was recorded
 * @param openedAt        when the entry filled
 * @param closedAt        when it became final
 */
public record Trade(long id, String uid, String userId, MarketTicker ticker, SpotPrice strike, Side side,
                    TradeStatus status, Instant marketClose, Double probAtEntry, Money edgeAtEntry,
                    Double momentumAtEntry, SpotPrice spotAtOpen, SpotPrice spotAtClose, Count requested,
                    Price worstEntryPrice, Count contracts, Price entryPrice, Count closedContracts,
                    Price exitPrice, Money fees, Money payout, Money pnl, String result, EntryMethod entryMethod,
                    CloseMethod closeMethod, String closeReason, String rejectReason, Instant createdAt,
                    Instant openedAt, Instant closedAt) {

    public Symbol symbol() {
        return ticker.event().symbol();
    }

    /** Contracts still held. */
    public Count remaining() {
        return contracts.minus(closedContracts);
    }
}
