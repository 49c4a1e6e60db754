package io.recio.simulator.exchange.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * How the simulated market makers price and size their quotes: a lognormal probability that the
 * settlement average ends above the strike, shifted by the favourite–longshot bias observed on Kalshi,
 * quoted with the spreads and depth observed on Kalshi's crypto books.
 */
public final class MarketMakerModel {

    /** One maker quote level: book side, YES price in cents, size in whole contracts. */
    public record Quote(boolean bid, int priceCents, long contracts) {
    }

    private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;

    /*
     * Favourite–longshot bias: pairs (contract price in cents, realised win rate in percent) from
     * shared/data/kalshi_published/becker_win_rate_by_price.csv (Becker, all Kalshi trades). Cheap
     * contracts win less often than their price, dear ones slightly more; makers therefore quote a
     * fair probability f at the price whose realised win rate is f.
     */
    private static final double[][] PRICE_TO_WIN_RATE = {
            {0, 0}, {1, 0.91}, {2, 1.90}, {3, 2.71}, {4, 3.45}, {5, 4.18}, {7, 5.79}, {10, 8.91}, {15, 13.92},
            {25, 23.11}, {30, 29.89}, {40, 40.04}, {50, 50.00}, {60, 59.96}, {70, 70.11}, {80, 79.19},
            {85, 86.08}, {90, 91.10}, {93, 94.21}, {95, 95.83}, {97, 97.30}, {99, 99.09}, {100, 100}};

    /*
     * Spread and depth from shared/data/kalshi/kxeth15m_book_snapshots_2026-08-17_2026-08-18.jsonl.gz
     * (11,826 top-of-book snapshots): with the mid between 0.20 and 0.80 the spread is 1¢ at the
     * median (2¢ at p75) and each side of the book holds a median 37,000 contracts (p25 22,000);
     * with the mid below 0.10 or above 0.90 the median depth per side is 17,000 contracts.
     * Makers show five 1¢-apart levels per side holding those totals, thinnest at the touch.
     */
    static final long DEPTH_NEAR_MONEY = 37_000;
    static final long DEPTH_IN_TAILS = 17_000;
    private static final double[] LEVEL_SHARE = {0.10, 0.15, 0.20, 0.25, 0.30};

    private MarketMakerModel() {
    }

    /**
     * P(settlement average above {@code floor}) under a driftless lognormal index; the averaging
     * over the last 60 s shortens the effective horizon by 40 s (the variance of a 60 s average
     * of Brownian motion is that of 20 s of it).
     */
    public static double probabilityAbove(double index, double floor, double annualisedVolatility, long secondsLeft) {
        if (secondsLeft <= 0) {
            return index > floor ? 1 : 0;
        }
        double horizon = Math.max(secondsLeft - 40, 1) / SECONDS_PER_YEAR;
        double sd = annualisedVolatility * Math.sqrt(horizon);
        if (sd <= 0) {
            return index > floor ? 1 : 0;
        }
        double d = (Math.log(index / floor) - sd * sd / 2) / sd;
        return normalCdf(d);
    }

    /** The price (as a fraction of $1) whose realised win rate equals {@code fair}. */
    public static double quotedMid(double fair) {
        double target = Math.clamp(fair, 0, 1) * 100;
        // the first segment whose upper win rate reaches the target, by bisection over the rising win rates
        // (a backtest asks for thousands of quotes a second)
        int first = 1;
        int end = PRICE_TO_WIN_RATE.length;
        while (first < end) {
            int middle = (first + end) >>> 1;
            if (target <= PRICE_TO_WIN_RATE[middle][1]) {
                end = middle;
            } else {
                first = middle + 1;
            }
        }
        if (first == PRICE_TO_WIN_RATE.length) {
            return 1;
        }
        double[] lo = PRICE_TO_WIN_RATE[first - 1];
        double[] hi = PRICE_TO_WIN_RATE[first];
        double t = hi[1] == lo[1] ? 0 : (target - lo[1]) / (hi[1] - lo[1]);
        return (lo[0] + t * (hi[0] - lo[0])) / 100;
    }

    /** The makers' ladder around a quoted mid (fraction of $1), on the 1¢ grid within 1¢..99¢. */
    public static List<Quote> ladder(double mid) {
        int bestBid = bestBidCents(mid);
        int bestAsk = bestBid + 1;
        long depth = mid < 0.10 || mid > 0.90 ? DEPTH_IN_TAILS : DEPTH_NEAR_MONEY;
        List<Quote> quotes = new ArrayList<>();
        for (int level = 0; level < LEVEL_SHARE.length; level++) {
            long size = Math.round(depth * LEVEL_SHARE[level]);
            int bid = bestBid - level;
            int ask = bestAsk + level;
            if (bid >= 1) {
                quotes.add(new Quote(true, bid, size));
            }
            if (ask <= 99) {
                quotes.add(new Quote(false, ask, size));
            }
        }
        return quotes;
    }

    /**
     * The makers' best YES bid in cents around a quoted mid: the cent just below it, 0 (no bid) below 1¢ and 99
     * above 99¢; the best ask is one cent above (100: no ask).
     */
    public static int bestBidCents(double mid) {
        int bestBid = (int) Math.ceil(mid * 100) - 1;
        return Math.clamp(bestBid, 0, 99);
    }

    /** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf, error below 1.5e-7). */
    static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
