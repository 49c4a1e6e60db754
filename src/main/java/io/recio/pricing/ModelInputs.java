package io.recio.pricing;

import io.recio.market.Symbol;

/**
 * What a probability model is told about one moment: the live price, the time left, momentum, and
 * the seconds of the settlement window already observed (Kalshi settles on the average of the index
 * over the 60 seconds before the close).
 *
 * @param symbol          BTC or ETH
 * @param spot            the live price in dollars
 * @param secondsToClose  seconds until the event closes (fractional allowed; 0 or less = closed)
 * @param momentumBp      weighted momentum in basis points (NaN when unknown)
 * @param observedSeconds how many one-second prices of the settlement window are already known
 * @param observedSum     the sum of those prices in dollars (0 when none)
 */
public record ModelInputs(Symbol symbol, double spot, double secondsToClose, double momentumBp,
                          int observedSeconds, double observedSum) {

    /** Length of Kalshi's settlement averaging window. */
    public static final int SETTLEMENT_WINDOW_SECONDS = 60;

    public ModelInputs {
        if (symbol == null) {
            throw new IllegalArgumentException("symbol is missing");
        }
        if (!Double.isFinite(spot) || spot <= 0) {
            throw new IllegalArgumentException("spot must be a positive number, got " + spot);
        }
        if (Double.isNaN(secondsToClose)) {
            throw new IllegalArgumentException("seconds to close must be a number");
        }
        if (observedSeconds < 0 || observedSeconds > SETTLEMENT_WINDOW_SECONDS) {
            throw new IllegalArgumentException("observed seconds must be 0 to 60, got " + observedSeconds);
        }
        if (observedSeconds > 0 && !(observedSum > 0)) {
            throw new IllegalArgumentException("observed prices must sum to a positive number");
        }
    }

    /** Inputs with no part of the settlement window observed yet (the model calculator's case). */
    public static ModelInputs unobserved(Symbol symbol, double spot, double secondsToClose, double momentumBp) {
        return new ModelInputs(symbol, spot, secondsToClose, momentumBp, 0, 0);
    }

    /** The average of the observed seconds of the window, or NaN when none is observed. */
    public double observedAverage() {
        return observedSeconds == 0 ? Double.NaN : observedSum / observedSeconds;
    }
}
