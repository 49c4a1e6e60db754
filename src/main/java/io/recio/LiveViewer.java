package io.recio;

/**
 * Who is watching one live channel: the signed-in user of a browser tab.
 *
 * @param username the user's name
 * @param admin    whether the user is a master admin
 */
public record LiveViewer(String username, boolean admin) {

    /** Whether this viewer may see what {@code owner} owns (their own, or anything for a master admin). */
    public boolean sees(String owner) {
        return admin || username.equals(owner);
    }
}
