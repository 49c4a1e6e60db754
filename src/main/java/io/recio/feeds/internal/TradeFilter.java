package io.recio.feeds.internal;

import io.recio.feeds.internal.CoinbaseMessages.Heartbeat;
import io.recio.feeds.internal.CoinbaseMessages.Ticker;

/**
 * Judges the tickers and heartbeats of one product: drops stale or repeated messages (sequence or trade id
 * not ahead), rejects prices that cannot be right (not positive, or further than the jump limit from the last
 * accepted price), and counts trades that were missed (trade id jumps, heartbeat {@code last_trade_id} ahead).
 * One per connection (a restarted server may start its numbers again); only the last accepted price carries
 * over, as the reference for the jump check. Not thread-safe: one feed connection feeds it.
 */
final class TradeFilter {

    /** What became of a ticker. */
    enum Verdict { ACCEPTED, REJECTED_PRICE, OUT_OF_ORDER }

    private final int maxJumpPercent;
    private long lastSequence = -1;
    private long lastTradeId = -1;
    private long lastPrice = -1;
    private long missed;

    TradeFilter(int maxJumpPercent, long referencePrice) {
        this.maxJumpPercent = maxJumpPercent;
        this.lastPrice = referencePrice;
    }

    /** The last accepted price in units, or -1. */
    long lastPrice() {
        return lastPrice;
    }

    Verdict ticker(Ticker t) {
        if (t.sequence() >= 0) {
            if (t.sequence() <= lastSequence) {
                return Verdict.OUT_OF_ORDER;
            }
            lastSequence = t.sequence();
        }
        if (t.tradeId() >= 0) {
            if (t.tradeId() <= lastTradeId) {
                return Verdict.OUT_OF_ORDER;
            }
            if (lastTradeId >= 0 && t.tradeId() > lastTradeId + 1) {
                missed += t.tradeId() - lastTradeId - 1;
            }
            lastTradeId = t.tradeId();
        }
        if (t.priceUnits() <= 0) {
            return Verdict.REJECTED_PRICE;
        }
        if (lastPrice > 0 && Math.abs(t.priceUnits() - lastPrice) * 100 > lastPrice * maxJumpPercent) {
            return Verdict.REJECTED_PRICE;
        }
        lastPrice = t.priceUnits();
        return Verdict.ACCEPTED;
    }

    /** A heartbeat whose {@code last_trade_id} is ahead of the last ticker means trades went by unseen. */
    void heartbeat(Heartbeat h) {
        if (h.lastTradeId() > lastTradeId) {
            if (lastTradeId >= 0) {
                missed += h.lastTradeId() - lastTradeId;
            }
            lastTradeId = h.lastTradeId();
        }
    }

    /** Missed trades counted since the last call, and resets the count. */
    long takeMissed() {
        long m = missed;
        missed = 0;
        return m;
    }
}
