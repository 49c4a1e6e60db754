package io.recio.kalshi.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

/**
 * An API key id and its RSA private key. Neither appears in {@link #toString()}, logs or exception messages.
 */
public final class KalshiCredentials {

    private final String keyId;
    private final PrivateKey privateKey;

    public KalshiCredentials(String keyId, PrivateKey privateKey) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("the Kalshi API key id is empty");
        }
        if (privateKey == null) {
            throw new IllegalArgumentException("the Kalshi private key is missing");
        }
        this.keyId = keyId.trim();
        this.privateKey = privateKey;
    }

    /** Reads the private key from a PEM file (PKCS#1 or PKCS#8). */
    public static KalshiCredentials fromFile(String keyId, Path keyFile) {
        if (keyFile == null) {
            throw new IllegalArgumentException("recio.kalshi.key-file is not set");
        }
        try {
            return new KalshiCredentials(keyId, PemKeys.parse(Files.readString(keyFile)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the Kalshi key file " + keyFile + ": "
                    + e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(keyFile + ": " + e.getMessage());
        }
    }

    String keyId() {
        return keyId;
    }

    /**
     * A stable short name of the key that does not reveal it (the first 16 hex digits of the key id's SHA-256):
     * the same key gives the same fingerprint on every host.
     */
    public String keyFingerprint() {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(keyId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "KalshiCredentials[redacted]";
    }
}
