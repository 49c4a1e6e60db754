package io.recio.ops;

/**
 * Something happened that a person may need to know: any module publishes it, ops decides whom to tell (which
 * channels, once per de-duplication window, within the rate limit) and keeps the history.
 *
 * @param kind     a stable upper-case code, e.g. {@code KILL_SWITCH}, {@code RECONCILE_POSITION}
 * @param severity how urgent
 * @param subject  what it is about (a ticker, a service), or null; the same kind and subject are one alert
 *                 within the de-duplication window
 * @param message  what happened, in the trader's words
 */
public record AlertRaised(String kind, AlertSeverity severity, String subject, String message) {
}
