package io.recio.trading.internal.web;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.trading.ActiveTrade;
import io.recio.trading.Trade;
import java.util.LinkedHashMap;
import java.util.Map;

/** The REST shape of trades: prices and money as Kalshi-style dollar strings, counts as contract strings. */
final class TradeJson {

    private TradeJson() {
    }

    static Map<String, Object> of(Trade t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("uid", t.uid());
        m.put("user", t.userId());
        m.put("symbol", t.symbol().name());
        m.put("event", t.ticker().event().toString());
        m.put("ticker", t.ticker().toString());
        m.put("strike", t.strike().toDollars(2));
        m.put("side", t.side().name());
        m.put("status", t.status().name());
        m.put("market_close", t.marketClose());
        m.put("prob_at_entry", t.probAtEntry());
        m.put("edge_at_entry", dollars(t.edgeAtEntry()));
        m.put("momentum_at_entry", t.momentumAtEntry());
        m.put("spot_at_open", t.spotAtOpen() == null ? null : t.spotAtOpen().toDollars(2));
        m.put("spot_at_close", t.spotAtClose() == null ? null : t.spotAtClose().toDollars(2));
        m.put("requested", count(t.requested()));
        m.put("worst_entry_price", price(t.worstEntryPrice()));
        m.put("contracts", count(t.contracts()));
        m.put("entry_price", price(t.entryPrice()));
        m.put("closed_contracts", count(t.closedContracts()));
        m.put("exit_price", price(t.exitPrice()));
        m.put("fees", dollars(t.fees()));
        m.put("payout", dollars(t.payout()));
        m.put("pnl", dollars(t.pnl()));
        m.put("result", t.result());
        m.put("entry_method", t.entryMethod().name());
        m.put("close_method", t.closeMethod() == null ? null : t.closeMethod().name());
        m.put("close_reason", t.closeReason());
        m.put("reject_reason", t.rejectReason());
        m.put("created_at", t.createdAt());
        m.put("opened_at", t.openedAt());
        m.put("closed_at", t.closedAt());
        return m;
    }

    static Map<String, Object> of(ActiveTrade a) {
        Map<String, Object> m = of(a.trade());
        m.put("probability", a.probability());
        m.put("close_price", price(a.closePrice()));
        m.put("unrealized_pnl", dollars(a.unrealizedPnl()));
        m.put("distance_to_strike", a.distanceToStrike());
        m.put("held_seconds", a.held().toSeconds());
        m.put("seconds_to_close", a.timeToClose().toSeconds());
        return m;
    }

    private static String price(Price p) {
        return p == null ? null : p.toDollars();
    }

    private static String count(Count c) {
        return c == null ? null : c.toFp();
    }

    private static String dollars(Money m) {
        return m == null ? null : m.toDollars();
    }
}
