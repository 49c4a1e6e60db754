package io.recio.accounts;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One user's console preferences.
 *
 * @param timeZone             the zone times are shown in (Kalshi names its hourly events in New York time)
 * @param sound                whether entries, fills and closes play a sound
 * @param browserNotifications whether entries, fills and closes raise a browser notification
 */
public record Preferences(ZoneId timeZone, boolean sound, boolean browserNotifications) {

    /** A user who never saved any: New York time, no sound, no notifications (both are opt-in). */
    public static final Preferences DEFAULTS = new Preferences(ZoneId.of("America/New_York"), false, false);

    public Preferences {
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
