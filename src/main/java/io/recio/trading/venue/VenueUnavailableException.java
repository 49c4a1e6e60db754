package io.recio.trading.venue;

/** The venue could not answer (network, 5xx, rate limit); the caller tries again later. */
public class VenueUnavailableException extends Exception {

    public VenueUnavailableException(String message) {
        super(message);
    }

    public VenueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
