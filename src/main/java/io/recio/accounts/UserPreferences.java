package io.recio.accounts;

/** Each user's console preferences; a user who never saved any has {@link Preferences#DEFAULTS}. */
public interface UserPreferences {

    Preferences of(String username);

    void save(String username, Preferences preferences);
}
