package io.recio.testsupport;

import java.time.Duration;
import java.time.Instant;

/** A UTC test clock that stands still until a test moves it; shared by a simulator and recio so both agree. */
public final class MutableClock extends UtcClock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
