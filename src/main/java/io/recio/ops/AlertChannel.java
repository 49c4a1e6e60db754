package io.recio.ops;

/**
 * A way to tell a person (a plug-in: any bean of this type is used): webhook, e-mail, SMS, Telegram. Ops calls
 * it on its own thread, one alert at a time; a failure to deliver is recorded, never fatal.
 */
public interface AlertChannel {

    /** e.g. {@code webhook}. */
    String name();

    /** Whether it is configured; an unconfigured channel is listed but not used. */
    boolean enabled();

    /** The lowest severity it sends. */
    AlertSeverity minSeverity();

    /** Delivers the alert; throws with the reason when it could not. */
    void send(Alert alert) throws Exception;
}
