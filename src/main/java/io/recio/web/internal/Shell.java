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

    /** One navigation entry; {@code tab} when the phone's tab bar shows it itself rather than under "More". */
    record NavItem(String path, String label, String icon, boolean current, boolean tab) {
    }

    /** The entries of the phone's tab bar. */
    public List<NavItem> tabs() {
        return nav.stream().filter(NavItem::tab).toList();
    }

    /** The entries behind the phone's "More" button. */
    public List<NavItem> more() {
        return nav.stream().filter(n -> !n.tab()).toList();
    }

    /** Whether the current page is behind "More", which then shows as the current tab. */
    public boolean moreCurrent() {
        return more().stream().anyMatch(NavItem::current);
    }

    /** The display time zone's id, e.g. {@code America/New_York}. */
    public String timeZone() {
        return prefs.timeZone().getId();
    }
}
