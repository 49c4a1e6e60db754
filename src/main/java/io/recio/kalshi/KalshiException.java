package io.recio.kalshi;

/**
 * A failed call to Kalshi. {@link #definite()} tells whether Kalshi answered (a 4xx with its error body) or the
 * outcome is unknown (timeout, 5xx, 429, broken connection), which decides whether a write may be assumed not done.
 */
public class KalshiException extends RuntimeException {

    private final int httpStatus;
    private final String code;
    private final String details;

    public KalshiException(int httpStatus, String code, String message, String details, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.details = details;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Kalshi's error code (e.g. {@code invalid_order}), or a recio code such as {@code timeout}. */
    public String code() {
        return code;
    }

    public String details() {
        return details;
    }

    /** Whether Kalshi definitely answered (4xx other than 429). */
    public boolean definite() {
        return httpStatus >= 400 && httpStatus < 500 && httpStatus != 429;
    }

    /** Whether a read may be retried: no answer, 429 or 5xx. */
    public boolean retryable() {
        return !definite();
    }
}
