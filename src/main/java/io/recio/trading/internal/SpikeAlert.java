package io.recio.trading.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The spike alert as REC.IO meant it (its v2 reset the state on every check, so it never held):
 * |momentum| ≥ the spike threshold raises the alert and pauses entries; the alert clears only after
 * |momentum| has stayed below the recovery threshold for the whole recovery period. Any reading at or
 * above the recovery threshold restarts that calm period.
 *
 * @param alert      whether entries are paused by a spike
 * @param spikeSince when the alert was raised (null when clear)
 * @param calmSince  when momentum last became calm during an alert (null when not calm)
 */
public record SpikeAlert(boolean alert, Instant spikeSince, Instant calmSince) {

    public static final SpikeAlert CLEAR = new SpikeAlert(false, null, null);

    /** The state after one momentum reading (percent) at {@code now}; NaN readings change nothing. */
    public SpikeAlert next(double momentum, Instant now, TradeSettings s) {
        if (Double.isNaN(momentum)) {
            return this;
        }
        double size = Math.abs(momentum);
        if (size >= s.spikeThreshold()) {
            return new SpikeAlert(true, alert ? spikeSince : now, null);
        }
        if (!alert) {
            return this;
        }
        if (size >= s.recoveryThreshold()) {
            return calmSince == null ? this : new SpikeAlert(true, spikeSince, null);
        }
        Instant calm = calmSince == null ? now : calmSince;
        if (!Duration.between(calm, now).minus(Duration.ofMinutes(s.recoveryMinutes())).isNegative()) {
            return CLEAR;
        }
        return calm == calmSince ? this : new SpikeAlert(true, spikeSince, calm);
    }
}
