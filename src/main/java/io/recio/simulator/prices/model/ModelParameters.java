package io.recio.simulator.prices.model;

/**
 * The price model's figures, each derived from real data by {@code tools/calibration/calibrate.py}
 * (run it to see them recomputed) and, for the tail shape, checked by {@code tools/calibration/model_check.py}.
 * Data under {@code ../shared/data}; see docs/simulator-feed.md.
 */
public final class ModelParameters {

    private ModelParameters() {
    }

    /**
     * Standard deviation of BTC's one-hour log return: 0.00602 from hour-aligned closes of
     * btc/bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz (648 hours; 56% annualised);
     * derived/computed_return_stats.csv gives 0.00618 for the same file.
     */
    public static final double BTC_HOURLY_SIGMA = 0.0060;

    /**
     * ETH's volatility as a multiple of BTC's: 1.372 = stdev of 2-hour log returns, ETH 0.01031
     * (eth/binance_ethusdt_2h.csv.gz) over BTC 0.00751 (btc/bitstamp_btcusd_2h_...csv.gz), 2024-01 to 2025-08.
     */
    public static final double ETH_VOL_RATIO = 1.372;

    /** Correlation of BTC and ETH log returns: 0.786 over the same 7,084 two-hour pairs. */
    public static final double BTC_ETH_CORRELATION = 0.786;

    /**
     * Volatility multiplier by UTC hour (mean variance 1): root of the mean squared one-minute return in
     * each UTC hour over its mean, bitstamp 1-min Jan-Feb 2025. US hours (13-20 UTC) run hottest.
     */
    static final double[] HOUR_OF_DAY_VOL = {
            1.115, 0.885, 0.837, 0.749, 0.685, 0.594, 0.879, 0.771, 0.703, 0.655, 0.604, 0.639,
            0.836, 1.134, 1.354, 1.425, 1.195, 1.583, 1.027, 1.015, 1.359, 0.895, 1.096, 1.053};

    /**
     * Stationary standard deviation of the log-variance regime. The deseasonalised log realised hourly
     * variance of the bitstamp 1-min file has stdev 1.075 (with measurement noise); 1.2 in the latent
     * process together with the jumps gives hourly excess kurtosis near 7 and one-minute near 15
     * (data: 9 to 12.5 hourly, 38 one-minute), see model_check.py.
     */
    static final double LOG_VARIANCE_STDEV = 1.2;

    /**
     * Hour-to-hour persistence of the variance regime. Measured AR(1) of log realised hourly variance is
     * 0.752, biased down by measurement noise; 0.9 per hour (a half-life of about 6.6 h) for the latent regime.
     */
    static final double VOL_PERSISTENCE_PER_HOUR = 0.9;

    /** Degrees of freedom of the Student-t one-second innovations (fat tails at short horizons). */
    static final int STUDENT_T_DOF = 4;

    /** Jumps per day (each symbol shares them, correlated): the source of the one-minute tail excess. */
    static final double JUMPS_PER_DAY = 4;

    /** BTC jump size stdev (log), scaled by the current regime; ETH's by {@link #ETH_VOL_RATIO}. */
    static final double BTC_JUMP_SIGMA = 0.003;
}
