package io.recio.kalshi;

/**
 * No definite answer from Kalshi: a timeout, a broken connection or a 5xx. A read may be retried; a write's outcome
 * is unknown until it is looked up.
 */
public class KalshiUnavailableException extends KalshiException {

    public KalshiUnavailableException(int httpStatus, String code, String message, String details, Throwable cause) {
        super(httpStatus, code, message, details, cause);
    }
}
