package io.recio;

/**
 * Start-up cannot go on until the owner sets something up (a Kalshi key for paper mode, ...): the message says
 * what is missing, {@link #action()} what to run or set and where. Reported as those two lines, no stack trace.
 */
public class SetupNeededException extends RuntimeException {

    private final String action;

    public SetupNeededException(String message, String action) {
        super(message, null, false, false);
        this.action = action;
    }

    /** What to run or set, and where. */
    public String action() {
        return action;
    }
}
