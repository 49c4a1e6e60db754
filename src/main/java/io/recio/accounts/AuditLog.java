package io.recio.accounts;

import java.time.Instant;
import java.util.List;

/**
 * The append-only log of security- and money-relevant actions (sign-ins, users, tokens, credentials, settings,
 * the kill switch, manual trades and closes, restarts). Any module records here; nothing updates or deletes.
 */
public interface AuditLog {

    /**
     * Request attribute a controller sets to say, in a few words, what its state-changing call did
     * ({@code created 'bob' as user}); the web module's audit of API calls records it as the line's detail.
     */
    String DETAIL = "io.recio.audit.detail";

    /** Filters of a search; null means any. */
    record Filter(String actor, String action, AuditEntry.Outcome outcome, Instant from, Instant to, int limit) {
    }

    /** Appends one entry (texts longer than their column are cut); recording never throws at the caller. */
    void record(String actor, String action, String target, AuditEntry.Outcome outcome, String detail, String source);

    /** Entries matching {@code filter}, newest first, at most {@code filter.limit()}. */
    List<AuditEntry> search(Filter filter);
}
