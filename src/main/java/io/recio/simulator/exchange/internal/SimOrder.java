package io.recio.simulator.exchange.internal;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import java.time.Instant;

/** An order in the simulated exchange: a user's or a market maker's, on the single YES book. */
public final class SimOrder {

    /** Kalshi V2 book side: a bid buys YES, an ask sells YES (buys NO). */
    public enum BookSide { BID, ASK }

    /** Order status as Kalshi reports it. */
    public enum Status { RESTING, CANCELED, EXECUTED }

    final String orderId;
    final String accountId;
    final boolean marketMaker;
    final String ticker;
    final BookSide side;
    final String timeInForce;
    final String selfTradePrevention;
    final boolean postOnly;
    final Instant created;
    final long sequence;
    String clientOrderId;
    Price price;
    Count initial;
    Count filled = Count.ZERO;
    Count remaining;
    Status status = Status.RESTING;
    Instant updated;
    Money takerFees = Money.ZERO;
    Money makerFees = Money.ZERO;
    Money takerFillCost = Money.ZERO;
    Money makerFillCost = Money.ZERO;
    /** Collateral held back from the available balance while the order rests. */
    Money reserved = Money.ZERO;
    /** Sum over fills of count × YES price, for the average fill price. */
    Money yesNotionalFilled = Money.ZERO;
    Long expirationSeconds;
    boolean cancelOnPause;

    SimOrder(String orderId, String accountId, boolean marketMaker, String clientOrderId, String ticker, BookSide side,
             Price price, Count count, String timeInForce, String selfTradePrevention, boolean postOnly,
             Instant created, long sequence) {
        this.orderId = orderId;
        this.accountId = accountId;
        this.marketMaker = marketMaker;
        this.clientOrderId = clientOrderId;
        this.ticker = ticker;
        this.side = side;
        this.price = price;
        this.initial = count;
        this.remaining = count;
        this.timeInForce = timeInForce;
        this.selfTradePrevention = selfTradePrevention;
        this.postOnly = postOnly;
        this.created = created;
        this.updated = created;
        this.sequence = sequence;
    }

    public String orderId() {
        return orderId;
    }

    /** What one contract of this order costs its owner: the YES price for a bid, the NO price for an ask. */
    Price unitCost() {
        return side == BookSide.BID ? price : price.complement();
    }
}
