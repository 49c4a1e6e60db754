package io.recio.trading.internal;

import io.recio.market.Side;
import io.recio.trading.Trade;
import java.time.Duration;
import java.time.Instant;

/**
 * The active_trade_supervisor's stop rules as one pure function. Probability stop: the held side's
 * probability below the threshold after the minimum holding time, and (with a verification delay)
 * still below that many seconds after it was first seen. Momentum-spike flatten: momentum above
 * +threshold closes NO trades, below −threshold closes YES trades.
 */
public final class AutoStop {

    private AutoStop() {
    }

    /** What to do with one trade now. */
    public sealed interface Decision {
        /** Nothing; clear any pending verification. */
        record Hold() implements Decision {
        }

        /** The stop condition holds but must be verified; remember when it was first seen. */
        record Verify(Instant since) implements Decision {
        }

        /** Close the trade, for this reason. */
        record Close(String reason) implements Decision {
        }
    }

    /**
     * @param probability  current probability of the held side (0..1), or null (or NaN: a model without data) when
     *                     there is none; no probability is no reason to sell
     * @param momentum     current momentum (percent), NaN without data
     * @param pendingSince when the probability stop was first seen, or null
     */
    public static Decision decide(Trade trade, Double probability, double momentum, TradeSettings s,
                                  Instant pendingSince, Instant now) {
        if (!s.autoStopEnabled() || trade.openedAt() == null) {
            return new Decision.Hold();
        }
        if (s.momentumStopEnabled() && !Double.isNaN(momentum)) {
            if (trade.side() == Side.NO && momentum > s.momentumStopThreshold()) {
                return new Decision.Close(String.format("momentum spike %+.3f%% above +%.2f%% against NO", momentum,
                        s.momentumStopThreshold()));
            }
            if (trade.side() == Side.YES && momentum < -s.momentumStopThreshold()) {
                return new Decision.Close(String.format("momentum spike %+.3f%% below -%.2f%% against YES", momentum,
                        s.momentumStopThreshold()));
            }
        }
        if (probability == null || probability.isNaN() || probability * 100 >= s.stopProbability()) {
            return new Decision.Hold();
        }
        if (Duration.between(trade.openedAt(), now).toSeconds() < s.stopMinHoldSeconds()) {
            return new Decision.Hold();
        }
        String why = String.format("%s probability %.2f below %.2f", trade.side(), probability * 100,
                s.stopProbability());
        if (s.stopVerifySeconds() == 0) {
            return new Decision.Close(why);
        }
        if (pendingSince == null) {
            return new Decision.Verify(now);
        }
        if (Duration.between(pendingSince, now).toSeconds() >= s.stopVerifySeconds()) {
            return new Decision.Close(why + " for " + s.stopVerifySeconds() + " s");
        }
        return new Decision.Verify(pendingSince);
    }
}
