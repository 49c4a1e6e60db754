package io.recio.kalshi;

/** Kalshi answered 429 ({@code {"error":"too many requests"}}): a read is retried with back-off, a write is UNKNOWN. */
public class KalshiRateLimitedException extends KalshiException {

    public KalshiRateLimitedException(String message) {
        super(429, "too_many_requests", message, null, null);
    }
}
