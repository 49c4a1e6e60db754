package io.recio.accounts;

/**
 * Seals the secrets recio keeps in its database (the Kalshi API key, the alert channels' tokens and webhook URLs)
 * with the master key, AES-256-GCM: the key from {@value #ENVIRONMENT_VARIABLE} or the owner-only file
 * {@code <data-dir>/master.key}, created at first start. A module that stores sealed values registers a
 * {@link Holder} bean, so that rotating the master key re-seals its values in the same transaction.
 */
public interface SecretBox {

    /** The environment variable that, when set, holds the master key instead of the key file. */
    String ENVIRONMENT_VARIABLE = "RECIO_MASTER_KEY";

    /** The environment variable that names the next master key when the current one comes from the environment. */
    String NEW_KEY_VARIABLE = "RECIO_NEW_MASTER_KEY";

    /**
     * A sealed value as stored.
     *
     * @param value the Base64 of nonce, ciphertext and tag
     * @param keyId the non-secret id of the master key that sealed it
     */
    record Sealed(String value, String keyId) {
    }

    /** Encrypts {@code plain}, bound to {@code purpose}: a value sealed for one column or row opens for no other. */
    Sealed seal(String plain, String purpose);

    /**
     * Decrypts what {@link #seal} made for {@code purpose}; a value sealed with another master key, or altered, is an
     * {@link IllegalStateException} whose message names the key ids and never the value.
     */
    String open(Sealed sealed, String purpose);

    /** The current master key's id (the first 8 bytes of its SHA-256, in hex). */
    String masterKeyId();

    /** Whether the master key comes from {@value #ENVIRONMENT_VARIABLE} rather than the key file. */
    boolean fromEnvironment();

    /** Where the master key comes from, for messages: the variable's name or the key file's path. */
    String masterKeySource();

    /**
     * Re-seals every {@link Holder}'s values with a new master key in one transaction, then makes it the master key.
     * The key file is replaced only after the database committed, so a crash in between leaves the old pair usable;
     * with {@value #ENVIRONMENT_VARIABLE} set the file is not touched and the caller must set the variable to the
     * new key before the next start.
     *
     * @param next the new key as Base64 of 32 random bytes (the value of {@value #NEW_KEY_VARIABLE}), or null for a
     *             fresh random key, which only the key file can hold
     * @return the new master key's id
     */
    String rotate(String next);

    /** A store of sealed values: re-seals them when the master key rotates. */
    interface Holder {

        /** Replaces each stored sealed value by {@code rotation.reseal(value, purpose)}; throws to change nothing. */
        void reseal(Rotation rotation);
    }

    /** The step of a rotation a {@link Holder} applies to each of its values. */
    interface Rotation {

        /**
         * The value sealed again with the next master key; a value the current key did not seal is an
         * {@link IllegalStateException}, which rolls the whole rotation back.
         */
        Sealed reseal(Sealed current, String purpose);
    }
}
