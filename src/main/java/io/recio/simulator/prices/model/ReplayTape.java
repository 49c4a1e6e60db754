package io.recio.simulator.prices.model;

import java.util.SplittableRandom;

/**
 * Real one-minute candles replayed as one-second values, shifted so the file's first minute starts at
 * a chosen epoch minute. Within each minute the path runs from the open through the high and the low
 * (in an order drawn from the seed) to the close, with a Brownian bridge between those points held
 * inside [low, high]: second 0 of a minute is its open, second 59 its close. After the last minute the
 * file plays again (and before the first, backwards), scaled so each pass starts where the previous
 * one ended; the first pass is the file's own prices.
 */
final class ReplayTape {

    private final CandleFile.Minutes minutes;
    private final long startEpochMinute;
    private final long seed;
    private final double passRatio;
    private long cachedMinute = Long.MIN_VALUE;
    private final long[] cached = new long[60];

    ReplayTape(CandleFile.Minutes minutes, long startEpochMinute, long seed) {
        this.minutes = minutes;
        this.startEpochMinute = startEpochMinute;
        this.seed = seed;
        this.passRatio = minutes.close()[minutes.size() - 1] / (double) minutes.open()[0];
    }

    /** The value at an epoch second, in SpotPrice units. Not thread-safe (PriceModel serialises access). */
    long units(long epochSecond) {
        long minute = Math.floorDiv(epochSecond, 60);
        if (minute != cachedMinute) {
            fill(minute);
            cachedMinute = minute;
        }
        return cached[(int) Math.floorMod(epochSecond, 60)];
    }

    private void fill(long epochMinute) {
        long index = epochMinute - startEpochMinute;
        int n = minutes.size();
        long pass = Math.floorDiv(index, n);
        int i = (int) Math.floorMod(index, n);
        double scale = pass == 0 ? 1 : Math.pow(passRatio, pass);
        long open = scaled(minutes.open()[i], scale);
        long high = scaled(minutes.high()[i], scale);
        long low = scaled(minutes.low()[i], scale);
        long close = scaled(minutes.close()[i], scale);
        SplittableRandom random = new SplittableRandom(PricePath.mix(seed ^ 0x5EEDL, epochMinute));
        // The high and the low are visited at two distinct seconds strictly inside the minute.
        int a = 1 + random.nextInt(58);
        int b = 1 + random.nextInt(57);
        if (b >= a) {
            b++;
        }
        boolean highFirst = random.nextBoolean();
        int tHigh = highFirst ? Math.min(a, b) : Math.max(a, b);
        int tLow = highFirst ? Math.max(a, b) : Math.min(a, b);
        int t1 = Math.min(tHigh, tLow);
        int t2 = Math.max(tHigh, tLow);
        long v1 = t1 == tHigh ? high : low;
        long v2 = t2 == tHigh ? high : low;
        double sigma = Math.max(Math.log(high / (double) low), 1e-5) / 4; // per-second wiggle of the minute's range
        bridge(random, 0, open, t1, v1, sigma, low, high);
        bridge(random, t1, v1, t2, v2, sigma, low, high);
        bridge(random, t2, v2, 59, close, sigma, low, high);
    }

    /** Fills cached[from..to] with a Brownian bridge (in log price) from v0 to v1, clamped to [low, high]. */
    private void bridge(SplittableRandom random, int from, long v0, int to, long v1, double sigma, long low, long high) {
        cached[from] = v0;
        cached[to] = v1;
        double x = Math.log(v0);
        double end = Math.log(v1);
        for (int t = from + 1; t < to; t++) {
            int left = to - t + 1;
            double mean = x + (end - x) / left;
            double sd = sigma * Math.sqrt((left - 1.0) / left);
            x = mean + sd * random.nextGaussian();
            cached[t] = Math.clamp(Math.round(Math.exp(x)), low, high);
        }
    }

    private static long scaled(long units, double scale) {
        return scale == 1 ? units : Math.max(1, Math.round(units * scale));
    }
}
