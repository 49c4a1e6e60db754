package io.recio.feeds.internal;

import io.recio.feeds.PriceTick;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recent one-second price log of one symbol in a ring buffer, and the values derived for each new
 * second (deltas, momentum, averages), so that logging a second never queries the database.
 * Not thread-safe: one price-log thread owns it.
 */
public final class PriceWindow {

    /**
     * Seconds kept: the 30-minute horizon plus an hour, so that after a gap the "last logged price at or
     * before now − N" can still be found up to 90 minutes back; older references count as absent.
     */
    public static final int CAPACITY = 90 * 60;

    private static final long EMPTY = Long.MIN_VALUE;

    private final long[] seconds = new long[CAPACITY];
    private final long[] prices = new long[CAPACITY];
    private long newest = EMPTY;

    /** The values derived for one logged second. */
    public record Derived(Map<Integer, Double> deltasPercent, double momentum, long average1mUnits,
                          long average60sUnits) {
    }

    public PriceWindow() {
        java.util.Arrays.fill(seconds, EMPTY);
    }

    /** The newest logged second, or null when nothing was logged yet. */
    public Instant newest() {
        return newest == EMPTY ? null : Instant.ofEpochSecond(newest);
    }

    /**
     * Logs {@code priceUnits} for {@code second} and returns the derived values.
     *
     * @throws IllegalArgumentException when the second is not after the newest logged one or the price is not positive
     */
    public Derived log(Instant second, long priceUnits) {
        long s = second.getEpochSecond();
        if (newest != EMPTY && s <= newest) {
            throw new IllegalArgumentException("second " + second + " is not after the newest logged second "
                    + Instant.ofEpochSecond(newest));
        }
        if (priceUnits <= 0) {
            throw new IllegalArgumentException("price must be positive, got " + priceUnits + " units");
        }
        int slot = slot(s);
        seconds[slot] = s;
        prices[slot] = priceUnits;
        newest = s;
        return derive(s, priceUnits);
    }

    private Derived derive(long now, long price) {
        Map<Integer, Double> deltas = new LinkedHashMap<>();
        double weighted = 0;
        double weights = 0;
        for (int i = 0; i < PriceTick.DELTA_MINUTES.length; i++) {
            int minutes = PriceTick.DELTA_MINUTES[i];
            long reference = priceAtOrBefore(now - minutes * 60L, now);
            if (reference != EMPTY) {
                double delta = (price - reference) * 100.0 / reference;
                deltas.put(minutes, delta);
                weighted += PriceTick.MOMENTUM_WEIGHTS[i] * delta;
                weights += PriceTick.MOMENTUM_WEIGHTS[i];
            }
        }
        double momentum = weights == 0 ? Double.NaN : weighted / weights;
        long minuteStart = Math.floorDiv(now, 60) * 60;
        return new Derived(Collections.unmodifiableMap(deltas), momentum, average(minuteStart, now),
                average(now - 59, now));
    }

    /** The last logged price at or before {@code target}, searching no further back than the buffer holds. */
    private long priceAtOrBefore(long target, long now) {
        long oldest = now - CAPACITY + 1;
        int slot = slot(target);
        for (long s = target; s >= oldest; s--) {
            if (seconds[slot] == s) {
                return prices[slot];
            }
            slot = slot == 0 ? CAPACITY - 1 : slot - 1;
        }
        return EMPTY;
    }

    /** Mean of the logged prices in [from, to], rounded half-up to a unit; at least {@code to} is logged. */
    private long average(long from, long to) {
        long sum = 0;
        long count = 0;
        int slot = slot(from);
        for (long s = from; s <= to; s++) {
            if (seconds[slot] == s) {
                sum += prices[slot];
                count++;
            }
            slot = slot == CAPACITY - 1 ? 0 : slot + 1;
        }
        return Math.floorDiv(2 * sum + count, 2 * count);
    }

    private static int slot(long second) {
        return (int) Math.floorMod(second, (long) CAPACITY);
    }
}
