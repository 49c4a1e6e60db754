package io.recio.ops.internal;

import io.recio.accounts.AuditEntry;
import io.recio.accounts.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ops' admin actions (restarts, the master restart, admin console commands, alert tests) written to recio's one
 * audit log, with what they were done to and how they ended; the HTTP call that asked for them is audited beside.
 */
@Component
class OpsAudit {

    private static final Logger log = LoggerFactory.getLogger(OpsAudit.class);

    private final AuditLog audit;

    OpsAudit(AuditLog audit) {
        this.audit = audit;
    }

    void record(String username, String action, String target, boolean ok, String outcome) {
        log.info("AUDIT {} {} {}: {} {}", username, action, target == null ? "" : target, ok ? "ok" : "failed",
                outcome == null ? "" : outcome);
        audit.record(username, "ops." + action, target, ok ? AuditEntry.Outcome.OK : AuditEntry.Outcome.FAILED,
                outcome, null);
    }
}
