package io.recio.web.internal;

import io.recio.Mode;
import io.recio.accounts.Preferences;
import java.util.List;

/**
 * What the layout needs on every page: who is signed in, the mode badge, the navigation, the status icon and the
 * user's display preferences.
 *
 * @param user   the signed-in user
 * @param admin  whether they are a master admin (admin-only controls are rendered only then)
 * @param mode   DEMO, PAPER or LIVE
 * @param page   the current page's name, for its stylesheet hooks
 * @param nav    the pages this user may open
 * @param status the status icon as last computed
 * @param prefs  time zone, sound and notification preferences
 */
record Shell(String user, boolean admin, Mode mode, String page, List<NavItem> nav, ConsoleStatus.View status,
             Preferences prefs) {

    /** One navigation entry. */
    record NavItem(String path, String label, String icon, boolean current) {
    }

    /** The display time zone's id, e.g. {@code America/New_York}. */
    public String timeZone() {
        return prefs.timeZone().getId();
    }
}
