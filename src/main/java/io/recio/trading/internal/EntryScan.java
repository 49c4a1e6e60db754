package io.recio.trading.internal;

import io.recio.market.MarketTicker;
import io.recio.market.Side;
import io.recio.trading.EntryMethod;
import io.recio.trading.StrikeView;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import io.recio.trading.venue.TimeInForce;
import java.util.List;

/**
 * The auto-entry scan's steps for one side of one strike, shared by the live supervisor and a backtest's
 * simulated account so both decide and order alike: whether a trade on it is already held, and the order
 * an entry sends (IOC at the current ask, the settings' entry size).
 */
public final class EntryScan {

    private EntryScan() {
    }

    /** Whether a pending, open or closing trade on this ticker and side exists. */
    public static boolean holding(List<Trade> live, MarketTicker ticker, Side side) {
        for (Trade t : live) {
            if (t.side() == side && t.ticker().equals(ticker) && !t.status().isFinal()
                    && t.status() != TradeStatus.EXPIRED) {
                return true;
            }
        }
        return false;
    }

    /** The automatic entry for a side that passed the gates. */
    public static TradeManager.NewTrade intent(String user, StrikeView view, Side side, TradeSettings s,
                                               double momentum) {
        return new TradeManager.NewTrade(user, view.ticker(), view.strike(), side, view.close(), s.entrySize(),
                view.ask(side), TimeInForce.IOC, view.probability(side), view.edge(side), momentum, view.spot(),
                EntryMethod.AUTO);
    }
}
