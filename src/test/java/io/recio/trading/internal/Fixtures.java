package io.recio.trading.internal;

import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.trading.EntryMethod;
import io.recio.trading.StrikeView;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import java.time.Instant;

/** Test values: one BTC market closing at 16:00 New York on 2026-09-25 (20:00 UTC). */
final class Fixtures {

    static final MarketTicker TICKER = MarketTicker.parse("KXBTCD-26SEP2516-T92799.99");
    static final Instant CLOSE = TICKER.event().close();

    private Fixtures() {
    }

    /** A strike row: P(yes) 0.97, YES 0.94/0.95, edges 1¢ YES / −5¢ NO, volume 5000, closing at {@link #CLOSE}. */
    static StrikeView view(Instant at) {
        return new StrikeView(TICKER, SpotPrice.parse("92799.99"), CLOSE, 0.97, Price.parse("0.94"),
                Price.parse("0.95"), Money.parse("0.01"), Money.parse("-0.05"), Count.ofContracts(5000),
                SpotPrice.parse("93500"), at, false);
    }

    static StrikeView view(Instant at, double probYes) {
        StrikeView v = view(at);
        return new StrikeView(v.ticker(), v.strike(), v.close(), probYes, v.yesBid(), v.yesAsk(), v.yesEdge(),
                v.noEdge(), v.volume(), v.spot(), at, false);
    }

    static Trade open(long id, Side side, long contracts, String entryPrice, Instant openedAt) {
        return new Trade(id, "uid-" + id, "admin", TICKER, SpotPrice.parse("92799.99"), side, TradeStatus.OPEN, CLOSE,
                0.97, Money.parse("0.01"), 0.0, null, null, Count.ofContracts(contracts), Price.parse(entryPrice),
                Count.ofContracts(contracts), Price.parse(entryPrice), Count.ZERO, null, Money.ZERO, null, null, null,
                EntryMethod.AUTO, null, null, null, openedAt, openedAt, null);
    }
}
