package io.recio.testsupport;

import io.recio.market.EventTicker;
import java.time.Duration;
import java.time.Instant;

/**
 * The machine's UTC clock run ahead by an offset that only grows: a test world (simulators in the test, recio in a
 * child started with the same offset through {@link RecioChild#clockAhead}) whose hourly events close when the test
 * wants, not when the wall clock says. Jump only while no child runs, so that both sides keep agreeing.
 */
public final class AheadClock extends UtcClock {

    private volatile Duration ahead = Duration.ZERO;

    /** How far this clock is ahead of the machine's. */
    public Duration ahead() {
        return ahead;
    }

    /** Moves the clock forward to {@code instant}; an instant already past leaves it as it is. */
    public void jumpTo(Instant instant) {
        Duration by = Duration.between(instant(), instant);
        if (by.isPositive()) {
            ahead = ahead.plus(by);
        }
    }

    /**
     * Moves the clock forward to {@code before} ahead of an hourly close: the next close's, or the one after when the
     * next is nearer than that (its event then closes, and settles, on the way).
     */
    public void jumpToBeforeClose(Duration before) {
        Instant now = instant();
        Instant target = EventTicker.nextClose(now).minus(before);
        jumpTo(target.isBefore(now) ? target.plus(Duration.ofHours(1)) : target);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }
}
