package io.recio.accounts;

import java.util.List;
import java.util.Optional;

/** Creating and finding the users of recio. */
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
     * Replaces a user's password.
     *
     * @throws IllegalArgumentException when the new password is not acceptable (the message says why)
     */
    void setPassword(String username, String rawPassword);
}
