package io.recio.kalshi.client;

/** A Kalshi payload recio cannot read: a field missing or malformed, named in the message. */
public class KalshiFormatException extends RuntimeException {

    public KalshiFormatException(String message) {
        super(message);
    }
}
