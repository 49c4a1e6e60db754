package io.recio.simulator.exchange;

import io.recio.market.Money;
import io.recio.market.Symbol;
import java.time.Duration;

/**
 * How the simulated exchange lists and polices: strikes per side of the index and their spacing, how
 * many hourly events exist ahead, the demo account's opening balance, the signature timestamp window
 * and whether the Basic-tier rate limits apply.
 *
 * @param strikesEachSide    markets listed above and below the index (15 → 31 strikes per event)
 * @param eventsAhead        hourly events listed beyond the current one
 * @param btcStrikeSpacing   KXBTCD strike spacing in dollars ($100 as listed live in Sep 2026)
 * @param ethStrikeSpacing   KXETHD strike spacing in dollars (Kalshi does not document it)
 * @param startingBalance    balance of each provisioned account on the crypto shard
 * @param timestampTolerance how far KALSHI-ACCESS-TIMESTAMP may be from the exchange clock
 * @param rateLimited        whether the Basic tier's read/write token buckets apply
 */
public record KalshiSimulatorSettings(int strikesEachSide, int eventsAhead, long btcStrikeSpacing, long ethStrikeSpacing,
                                      Money startingBalance, Duration timestampTolerance, boolean rateLimited) {

    public KalshiSimulatorSettings {
        if (strikesEachSide < 1 || strikesEachSide > 100) {
            throw new IllegalArgumentException("strikesEachSide must be 1 to 100, got " + strikesEachSide);
        }
        if (eventsAhead < 0 || eventsAhead > 24) {
            throw new IllegalArgumentException("eventsAhead must be 0 to 24, got " + eventsAhead);
        }
        if (btcStrikeSpacing <= 0 || ethStrikeSpacing <= 0) {
            throw new IllegalArgumentException("strike spacings must be positive");
        }
        if (startingBalance.isNegative()) {
            throw new IllegalArgumentException("startingBalance must not be negative");
        }
    }

    /**
     * The defaults: ±15 strikes, 3 events ahead, $100 BTC spacing (LIVE-BTC, Sep 2026), $10 ETH spacing
     * (undocumented; $10 keeps ETH's strikes about as many hourly standard deviations apart as BTC's
     * $100 at ~$90k while staying a round figure at ETH's ~$2,000–4,000), $10,000 per account,
     * ±30 s timestamp window, rate limits on.
     */
    public static KalshiSimulatorSettings defaults() {
        return new KalshiSimulatorSettings(15, 3, 100, 10, Money.ofCents(1_000_000), Duration.ofSeconds(30), true);
    }

    public KalshiSimulatorSettings withRateLimited(boolean on) {
        return new KalshiSimulatorSettings(strikesEachSide, eventsAhead, btcStrikeSpacing, ethStrikeSpacing,
                startingBalance, timestampTolerance, on);
    }

    /** Strike spacing in dollars for a symbol's above/below series. */
    public long spacing(Symbol symbol) {
        return symbol == Symbol.BTC ? btcStrikeSpacing : ethStrikeSpacing;
    }

    /**
     * The strikes (whole dollars, positive) listed for {@code symbol} with the index at {@code indexDollars}:
     * the multiple of the spacing nearest the index and {@link #strikesEachSide} more on each side.
     */
    public long[] strikesAround(Symbol symbol, double indexDollars) {
        long spacing = spacing(symbol);
        long center = Math.round(indexDollars / spacing) * spacing;
        return java.util.stream.LongStream.rangeClosed(-strikesEachSide, strikesEachSide)
                .map(i -> center + i * spacing).filter(strike -> strike > 0).toArray();
    }
}
