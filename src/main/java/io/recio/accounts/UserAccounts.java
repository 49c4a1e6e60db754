package io.recio.accounts;

import java.util.List;
import java.util.Optional;

/**
 * Creating, finding and changing the users of recio. Every change that narrows a user's access publishes
 * {@link UserAccessChanged}, so their sessions end at once. The last enabled master admin can be neither
 * disabled nor demoted.
 */
public interface UserAccounts {

    /**
     * Creates a user with a hashed password.
     *
     * @throws IllegalArgumentException when the username is taken or the name or password is not acceptable
     */
    UserAccount create(String username, String rawPassword, Role role);

    Optional<UserAccount> find(String username);

    List<UserAccount> all();

    long count();

    /** Whether {@code rawPassword} is the user's current password (false for an unknown or disabled user). */
    boolean passwordMatches(String username, String rawPassword);

    /**
     * Replaces a user's password with one they chose, and ends their other sessions.
     *
     * @throws IllegalArgumentException when the new password is not acceptable (the message says why)
     */
    void setPassword(String username, String rawPassword);

    /**
     * Sets a password someone else chose or generated (an admin's reset, the command line): it ends the user's
     * sessions and they must choose their own at the next sign-in.
     *
     * @throws IllegalArgumentException when the password is not acceptable (the message says why)
     */
    void resetPassword(String username, String rawPassword);

    /**
     * Creates a user whose password someone else chose or generated: they must choose their own at the first
     * sign-in.
     *
     * @throws IllegalArgumentException when the username is taken or the name or password is not acceptable
     */
    UserAccount createWithTemporaryPassword(String username, String rawPassword, Role role);

    /**
     * Enables or disables a user; disabling ends their sessions and stops their tokens.
     *
     * @throws IllegalArgumentException for an unknown user
     * @throws IllegalStateException    when it would leave no enabled master admin
     */
    UserAccount setEnabled(String username, boolean enabled);

    /**
     * Changes a user's role and ends their sessions.
     *
     * @throws IllegalArgumentException for an unknown user
     * @throws IllegalStateException    when it would leave no enabled master admin
     */
    UserAccount setRole(String username, Role role);

    /** A random password of 20 URL-safe characters, for a new user or a reset shown once. */
    String generatePassword();
}
