package io.recio.accounts;

/** What a user may do: a master admin also runs the admin panel (restarts, console, users). */
public enum Role {
    MASTER_ADMIN,
    USER;

    /** The Spring Security authority name of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
