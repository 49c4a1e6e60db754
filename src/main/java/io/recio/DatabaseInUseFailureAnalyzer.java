package io.recio;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * The embedded database file is open in another recio (it is locked to one process, never shared over a
 * port): one line that says so instead of H2's advice to start its network server.
 */
class DatabaseInUseFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("Database may be already in use")) {
                String file = message.contains("\"") ? message.substring(message.indexOf('"') + 1,
                        message.indexOf('"', message.indexOf('"') + 1)) : "the embedded database";
                return new FailureAnalysis("The embedded database " + file + " is open in another recio process.",
                        "Stop the running recio first (commands such as 'history import' need the database to "
                                + "themselves), or give this one another recio.data-dir, or use PostgreSQL "
                                + "(RECIO_DB_URL), which many processes can share.", t);
            }
        }
        return null;
    }
}
