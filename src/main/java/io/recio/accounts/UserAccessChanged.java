package io.recio.accounts;

/**
 * A user's access changed (disabled, role changed, password set): every session they have must end now.
 * The web module ends their browser sessions and live channels, except the session that made the change
 * when it is the user's own.
 *
 * @param username            whose access changed
 * @param why                 what changed, e.g. {@code disabled}
 * @param keepsCurrentSession whether the session making the change survives when it is the user's own (a
 *                            password change keeps the browser that made it signed in; a disabling does not)
 */
public record UserAccessChanged(String username, String why, boolean keepsCurrentSession) {
}
