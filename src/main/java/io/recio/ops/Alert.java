package io.recio.ops;

import java.time.Instant;

/**
 * An alert as a channel sends it.
 *
 * @param id       its number in the history
 * @param kind     the stable code
 * @param severity how urgent
 * @param subject  what it is about, or null
 * @param message  what happened
 * @param raisedAt when
 * @param host     the host of the recio instance that raised it
 */
public record Alert(long id, String kind, AlertSeverity severity, String subject, String message, Instant raisedAt,
                    String host) {

    /** One line: "[WARNING] recio on host: message". */
    public String text() {
        return "[" + severity + "] recio on " + host + ": " + message;
    }
}
