package io.recio.ops;

import java.time.Instant;
import java.util.List;

/**
 * A stretch of trouble as the cascading-failure detector recorded it: what went wrong, what it did, when it
 * began and ended.
 *
 * @param id       its number
 * @param title    the first cause
 * @param openedAt when the trouble began
 * @param closedAt when everything was well again, or null while it lasts
 * @param entries  causes and actions, oldest first
 */
public record Incident(long id, String title, Instant openedAt, Instant closedAt, List<Entry> entries) {

    /** One line of an incident. */
    public record Entry(Kind kind, String text, Instant at) {
    }

    /** A cause (what was wrong) or an action (what the detector did). */
    public enum Kind { CAUSE, ACTION }
}
