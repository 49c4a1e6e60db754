package io.recio.accounts;

import java.time.Instant;

/**
 * One line of the audit log: who did what to what, when, from where, and how it ended.
 *
 * @param id      its number, in order of recording
 * @param at      when
 * @param actor   the user (or {@code cli} for the command line, {@code system} for recio itself), null when unknown
 * @param action  a stable lower-case code, e.g. {@code login}, {@code user.disable}, {@code kill_switch}
 * @param target  what it was done to (a user, a token, a route), or null
 * @param outcome OK, REFUSED or FAILED
 * @param detail  a short explanation, never a secret
 * @param source  the client's address, or null
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, Outcome outcome,
                         String detail, String source) {

    /** How an audited action ended. */
    public enum Outcome {
        OK, REFUSED, FAILED
    }
}
