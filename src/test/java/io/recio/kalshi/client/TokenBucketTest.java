package io.recio.kalshi.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rate-limit buckets that keep recio inside its Kalshi tier, under a hand-driven clock. */
class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void fullBucketServesItsCapacityAtOnce() {
        TokenBucket bucket = new TokenBucket(400, 200, nanos::get);

        for (int i = 0; i < 40; i++) {
            assertThat(bucket.tryTake(10)).isZero();
        }
        assertThat(bucket.tryTake(10)).isPositive();
    }

    @Test
    void emptyBucketSaysHowLongToWaitForTheCost() {
        TokenBucket bucket = new TokenBucket(100, 100, nanos::get);
        bucket.tryTake(100);

        assertThat(bucket.tryTake(10)).isEqualTo(100_000_000L);
    }

    @Test
    void bucketRefillsAtItsRateUpToCapacity() {
        TokenBucket bucket = new TokenBucket(100, 100, nanos::get);
        bucket.tryTake(100);

        nanos.addAndGet(50_000_000L);
        assertThat(bucket.available()).isEqualTo(5.0);
        nanos.addAndGet(10_000_000_000L);
        assertThat(bucket.available()).isEqualTo(100.0);
    }

    @Test
    void basicTierAllowsTwentyReadsAndTenWritesASecondAtDefaultCost() {
        assertThat(RateTier.BASIC.readPerSecond() / RateTier.DEFAULT_COST).isEqualTo(20);
        assertThat(RateTier.BASIC.writePerSecond() / RateTier.DEFAULT_COST).isEqualTo(10);
        assertThat(RateTier.BASIC.readCapacity()).isEqualTo(400);
        assertThat(RateTier.BASIC.writeCapacity()).isEqualTo(100);
        assertThat(RateTier.EXPERT.readCapacity()).isEqualTo(600);
        assertThat(RateTier.EXPERT.writeCapacity()).isEqualTo(1200);
    }
}
