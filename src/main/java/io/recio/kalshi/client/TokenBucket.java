package io.recio.kalshi.client;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A token bucket in Kalshi's terms (reference §6): {@code refillPerSecond} tokens a second up to
 * {@code capacity}; a request takes its cost, waiting for the tokens when the bucket is short.
 */
public final class TokenBucket {

    private final long capacity;
    private final long refillPerSecond;
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();
    private double tokens;
    private long lastRefill;

    public TokenBucket(long capacity, long refillPerSecond, LongSupplier nanoTime) {
        if (capacity <= 0 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("token bucket capacity and refill must be positive");
        }
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.lastRefill = nanoTime.getAsLong();
    }

    /** Takes {@code cost} tokens when available now; otherwise answers how many nanoseconds to wait first. */
    public long tryTake(long cost) {
        lock.lock();
        try {
            refill();
            if (tokens >= cost) {
                tokens -= cost;
                return 0;
            }
            return (long) Math.ceil((cost - tokens) * 1_000_000_000.0 / refillPerSecond);
        } finally {
            lock.unlock();
        }
    }

    /** Takes {@code cost} tokens, sleeping until the bucket holds them. */
    public void take(long cost) throws InterruptedException {
        long wait;
        while ((wait = tryTake(cost)) > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    public double available() {
        lock.lock();
        try {
            refill();
            return tokens;
        } finally {
            lock.unlock();
        }
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * refillPerSecond / 1_000_000_000.0);
        lastRefill = now;
    }
}
