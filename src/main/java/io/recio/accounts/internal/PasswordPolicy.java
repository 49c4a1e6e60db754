package io.recio.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes
 * (bcrypt reads no further), not the username, and not on the list of common passwords shipped in
 * {@code accounts/common-passwords.txt} (compared ignoring case).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;
    private static final String LIST = "/accounts/common-passwords.txt";
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /**
     * Checks a new password for {@code username}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static void check(String username, String rawPassword) {
        if (rawPassword == null || rawPassword.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_LENGTH + " characters");
        }
        if (rawPassword.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("password must have at most " + MAX_BYTES
                    + " bytes (" + MAX_BYTES + " plain letters or digits)");
        }
        String lower = rawPassword.toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("password must not be the username");
        }
        if (COMMON.contains(lower)) {
            throw new IllegalArgumentException("password is one of the most common passwords; choose another");
        }
    }

    static int listSize() {
        return COMMON.size();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
