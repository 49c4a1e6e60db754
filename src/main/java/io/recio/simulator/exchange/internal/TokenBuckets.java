package io.recio.simulator.exchange.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kalshi's Basic-tier rate limits (reference §6): 10 tokens per request; a read bucket refilling
 * 200 tokens/s holding 2 s (400), a write bucket refilling 100 tokens/s holding 1 s (100), per key.
 * Wall-clock time (not the simulated clock): rate limits are about real request rates.
 */
public final class TokenBuckets {

    static final long COST = 10;

    private record Spec(double refillPerSecond, double capacity) {
    }

    private static final Spec READ = new Spec(200, 400);
    private static final Spec WRITE = new Spec(100, 100);

    private static final class Bucket {
        final Spec spec;
        double tokens;
        long lastNanos = System.nanoTime();

        Bucket(Spec spec) {
            this.spec = spec;
            this.tokens = spec.capacity();
        }

        synchronized boolean take(long cost) {
            long now = System.nanoTime();
            tokens = Math.min(spec.capacity(), tokens + (now - lastNanos) / 1e9 * spec.refillPerSecond());
            lastNanos = now;
            if (tokens < cost) {
                return false;
            }
            tokens -= cost;
            return true;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one request's tokens from the caller's read or write bucket; false when it is empty. */
    public boolean take(String caller, boolean write) {
        return buckets.computeIfAbsent((write ? "w:" : "r:") + caller, k -> new Bucket(write ? WRITE : READ)).take(COST);
    }
}
