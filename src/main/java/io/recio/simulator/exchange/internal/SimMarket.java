package io.recio.simulator.exchange.internal;

import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.time.Instant;

/** One simulated KXBTCD/KXETHD market (a strike of an hourly event) with its book and lifecycle. */
final class SimMarket {

    enum Status {
        INITIALIZED("initialized"), ACTIVE("active"), CLOSED("closed"), DETERMINED("determined"),
        FINALIZED("finalized");

        final String wire;

        Status(String wire) {
            this.wire = wire;
        }
    }

    final String ticker;
    final String marketId;
    final EventTicker event;
    final Symbol symbol;
    /** The strike in whole dollars (e.g. 92800); YES wins above {@link #floor} = strike − $0.01. */
    final long strikeDollars;
    final SpotPrice floor;
    final Instant created;
    final Book book = new Book();
    Status status = Status.INITIALIZED;
    String result = "";
    SpotPrice expirationValue;
    Instant updated;
    Instant determined;
    Instant settled;
    long lastPriceUnits;
    long previousYesBidUnits;
    long previousYesAskUnits;
    long previousPriceUnits;
    Count lastTradeSize = Count.ZERO;
    Count volume = Count.ZERO;
    Count openInterest = Count.ZERO;
    /** Traded notional in $0.0001, for the ticker channel's integer-cent {@code dollar_volume}. */
    long notionalUnits;
    String lastTickerSignature = "";

    SimMarket(String ticker, String marketId, EventTicker event, Symbol symbol, long strikeDollars, Instant created) {
        this.ticker = ticker;
        this.marketId = marketId;
        this.event = event;
        this.symbol = symbol;
        this.strikeDollars = strikeDollars;
        this.floor = new SpotPrice(strikeDollars * SpotPrice.ONE_DOLLAR - 100);
        this.created = created;
        this.updated = created;
    }
}
