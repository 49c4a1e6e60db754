package io.recio.trading;

import io.recio.market.Side;
import io.recio.market.Symbol;
import java.time.Instant;

/**
 * Which trades the History shows; every criterion is optional (null matches all).
 *
 * @param owner       only this user's trades (a plain user's history is always their own)
 * @param symbol      BTC or ETH
 * @param side        YES or NO
 * @param from        created at or after
 * @param to          created before
 * @param entryMethod manual, auto or external
 * @param result      WIN or LOSS (finished trades only)
 * @param status      the life-cycle state
 * @param ticker      a part of the market or event ticker, any case
 */
public record TradeFilter(String owner, Symbol symbol, Side side, Instant from, Instant to, EntryMethod entryMethod,
                          String result, TradeStatus status, String ticker) {

    /** Every trade of everyone. */
    public static final TradeFilter ALL = new TradeFilter(null, null, null, null, null, null, null, null, null);

    /** The same filter, limited to one owner's trades. */
    public TradeFilter ownedBy(String user) {
        return new TradeFilter(user, symbol, side, from, to, entryMethod, result, status, ticker);
    }
}
