package io.recio.pricing.internal.model;

import io.recio.pricing.ModelInputs;
import io.recio.pricing.SettlementDistribution;

/**
 * Turns "P(60-second settlement average &gt; K)" into a question about one future move that every
 * model can answer: P(relative move over an effective horizon &gt; x).
 *
 * <p>Under a random walk with per-second variance σ², the average of the price over the window
 * [T−60, T] (T seconds from now) has the variance of a single move over T − 40 seconds
 * (σ²·(a + w/3) with a = T − w, w = 60). Inside the last minute, m seconds are already observed with
 * sum Σ; the n = T remaining seconds must average above K' = ((m + n)·K − Σ)/n, and their average has
 * the variance of a single move over T/3 seconds.
 */
public final class SettlementWindow {

    private SettlementWindow() {
    }

    /** A model's tail: P(relative move over {@code horizonSeconds} &gt; {@code move}), move as a fraction. */
    @FunctionalInterface
    public interface Tail {
        double above(double move, double horizonSeconds);
    }

    /** The settlement distribution built from a model's tail. */
    public static SettlementDistribution distribution(ModelInputs in, Tail tail) {
        double t = in.secondsToClose();
        int window = ModelInputs.SETTLEMENT_WINDOW_SECONDS;
        if (t <= 0) {
            double settled = in.observedSeconds() > 0 ? in.observedAverage() : in.spot();
            return level -> settled > level ? 1 : 0;
        }
        if (t >= window) {
            double horizon = t - window * 2 / 3.0;
            return level -> clamp(tail.above(level / in.spot() - 1, horizon));
        }
        double horizon = t / 3;
        int observed = in.observedSeconds();
        double sum = in.observedSum();
        return level -> {
            double needed = observed == 0 ? level : ((observed + t) * level - sum) / t;
            if (needed <= 0) {
                return 1;
            }
            return clamp(tail.above(needed / in.spot() - 1, horizon));
        };
    }

    private static double clamp(double p) {
        return p < 0 ? 0 : p > 1 ? 1 : p;
    }
}
