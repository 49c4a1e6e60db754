package io.recio.simulator.feed;

import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.prices.SimulatedPrices;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * One product's simulated trading on the Coinbase Exchange: trades a little either side of the model
 * index with a realistic spread and trade sizes, the product's message {@code sequence} (which counts
 * every message of the product, so a ticker-only reader sees it jump) and consecutive {@code trade_id}s,
 * and the rolling 24-hour figures. Prices in cents; sizes in units of 10^-8 of the base currency.
 * Not thread-safe: the feed server's single scheduler thread owns it.
 */
final class TradeTape {

    /** A trade as the ticker channel reports it. */
    record Trade(String productId, long sequence, long priceCents, long open24hCents, long low24hCents,
                 long high24hCents, long volume24h, long volume30d, long bestBidCents, long bestBidSize,
                 long bestAskCents, long bestAskSize, String side, Instant time, long tradeId, long size) {
    }

    /** A heartbeat of the product. */
    record Heartbeat(String productId, long sequence, long lastTradeId, Instant time) {
    }

    private static final Duration DAY = Duration.ofDays(1);

    private final Symbol symbol;
    private final SimulatedPrices prices;
    private final SplittableRandom random;
    /** Median trade size (10^-8 units): about 0.005 BTC, 0.1 ETH, as a typical retail-dominated print. */
    private final double medianSize;
    /** Largest spread as a fraction of price; most of the time the book is one tick wide. */
    private final double maxSpreadFraction;
    private long sequence;
    private long tradeId;
    private long volume24h;
    private long volume30d;
    private long high24hCents;
    private long low24hCents;
    private long rangeMinute = Long.MIN_VALUE;

    TradeTape(Symbol symbol, SimulatedPrices prices, long seed) {
        this.symbol = symbol;
        this.prices = prices;
        this.random = new SplittableRandom(seed ^ symbol.ordinal() * 0x9E3779B97F4A7C15L);
        boolean btc = symbol == Symbol.BTC;
        this.medianSize = btc ? 500_000 : 10_000_000;
        this.maxSpreadFraction = btc ? 0.00006 : 0.0001;
        // Start near the magnitudes of the live feed (sequence ~1.4e11, trade_id ~1.1e9 for BTC-USD in 2026).
        this.sequence = (btc ? 135_000_000_000L : 62_000_000_000L) + random.nextLong(1_000_000_000L);
        this.tradeId = (btc ? 1_080_000_000L : 690_000_000L) + random.nextLong(10_000_000L);
        this.volume24h = (long) ((btc ? 9_000 : 180_000) * (1 + random.nextDouble()) * 1e8);
        this.volume30d = volume24h * 28;
    }

    String productId() {
        return symbol.coinbaseProduct();
    }

    /** Mean trades per second: BTC-USD prints more often than ETH-USD. */
    double tradesPerSecond() {
        return symbol == Symbol.BTC ? 6 : 4;
    }

    /** Prints the next trade at {@code now}. */
    Trade trade(Instant now) {
        long midCents = Math.round(prices.indexAt(symbol, now).units() / 100.0);
        long spread = random.nextDouble() < 0.6 ? 1
                : 1 + random.nextLong(Math.max(1, (long) (midCents * maxSpreadFraction)));
        long bid = midCents - spread / 2;
        long ask = bid + spread;
        boolean takerBuys = random.nextBoolean();
        long price = takerBuys ? ask : bid;
        long size = size();
        refreshRange(now);
        high24hCents = Math.max(high24hCents, price);
        low24hCents = Math.min(low24hCents, price);
        volume24h += size;
        volume30d += size;
        tradeId++;
        // Between two ticker messages the product's other messages (orders, cancels, matches) took numbers too.
        sequence += 1 + (long) (-Math.log(1 - random.nextDouble()) * 150);
        long open24h = Math.round(prices.indexAt(symbol, now.minus(DAY)).units() / 100.0);
        return new Trade(productId(), sequence, price, open24h, low24hCents, high24hCents, volume24h, volume30d,
                bid, size(), ask, size(), takerBuys ? "buy" : "sell", now, tradeId, size);
    }

    /** The heartbeat at {@code now}, with the last trade id printed. */
    Heartbeat heartbeat(Instant now) {
        sequence += 1 + random.nextInt(20);
        return new Heartbeat(productId(), sequence, tradeId, now);
    }

    private long size() {
        double lognormal = medianSize * Math.exp(1.6 * random.nextGaussian());
        return Math.max(1, Math.min((long) lognormal, (long) (medianSize * 2_000)));
    }

    /** Once a minute, the 24-hour high and low of the index; trades in between widen them. */
    private void refreshRange(Instant now) {
        long minute = now.getEpochSecond() / 60;
        if (minute == rangeMinute) {
            return;
        }
        rangeMinute = minute;
        long high = 0;
        long low = Long.MAX_VALUE;
        long end = now.getEpochSecond();
        for (long s = end - DAY.toSeconds(); s <= end; s += 5) { // every 5th second: the range to within cents
            SpotPrice p = prices.indexAt(symbol, Instant.ofEpochSecond(s));
            high = Math.max(high, p.units());
            low = Math.min(low, p.units());
        }
        high24hCents = Math.round(high / 100.0);
        low24hCents = Math.round(low / 100.0);
    }
}
