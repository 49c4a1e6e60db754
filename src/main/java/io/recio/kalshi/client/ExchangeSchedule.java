package io.recio.kalshi.client;

import java.time.Instant;
import java.util.List;

/** Kalshi's maintenance windows from {@code GET /exchange/schedule}. */
public record ExchangeSchedule(List<Window> maintenance) {

    /** One maintenance pause. */
    public record Window(Instant start, Instant end) {
        public boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /** The window in force at {@code t}, if any. */
    public java.util.Optional<Window> at(Instant t) {
        return maintenance.stream().filter(w -> w.contains(t)).findFirst();
    }
}
