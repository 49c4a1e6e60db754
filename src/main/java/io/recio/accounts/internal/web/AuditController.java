package io.recio.accounts.internal.web;

import io.recio.ApiProblem;
import io.recio.accounts.AuditEntry;
import io.recio.accounts.AuditLog;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for the master admin, newest first, filtered by actor, action prefix, outcome and time. */
@RestController
@PreAuthorize("hasRole('MASTER_ADMIN')")
class AuditController {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/admin/audit")
    List<AuditEntry> search(@RequestParam(required = false) String actor,
                            @RequestParam(required = false) String action,
                            @RequestParam(required = false) String outcome,
                            @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(required = false) Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw ApiProblem.badInput("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return audit.search(new AuditLog.Filter(blankToNull(actor), blankToNull(action), outcome(outcome),
                instant("from", from), instant("to", to), limit == null ? DEFAULT_LIMIT : limit));
    }

    private static AuditEntry.Outcome outcome(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return AuditEntry.Outcome.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("outcome", "outcome must be ok, refused or failed");
        }
    }

    private static Instant instant(String field, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badInput(field, field + " must be an instant such as 2026-11-30T14:00:00Z");
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
