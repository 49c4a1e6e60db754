package io.recio.kalshi.client;

/**
 * Kalshi's usage tiers with their read and write refill per second (reference §6). Bucket capacity is two
 * seconds of budget for Basic/Advanced reads and for writes above Basic, one second otherwise.
 */
public enum RateTier {
    BASIC(200, 100),
    ADVANCED(300, 300),
    EXPERT(600, 600),
    PREMIER(1_000, 1_000),
    PARAGON(2_000, 2_000),
    PRIME(4_000, 4_000),
    PRESTIGE(10_000, 8_000);

    /** Tokens a request costs unless Kalshi lists another cost. */
    public static final long DEFAULT_COST = 10;

    private final long read;
    private final long write;

    RateTier(long read, long write) {
        this.read = read;
        this.write = write;
    }

    public long readPerSecond() {
        return read;
    }

    public long writePerSecond() {
        return write;
    }

    public long readCapacity() {
        return this == BASIC || this == ADVANCED ? 2 * read : read;
    }

    public long writeCapacity() {
        return this == BASIC ? write : 2 * write;
    }
}
