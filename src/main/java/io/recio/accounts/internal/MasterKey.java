package io.recio.accounts.internal;

import io.recio.accounts.SecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption key that seals stored secrets with AES-256-GCM: from {@code RECIO_MASTER_KEY}
 * (Base64 of 32 random bytes, e.g. {@code openssl rand -base64 32}) or the owner-only file
 * {@code <data-dir>/master.key}, created at first start. Its id (a hash prefix) is stored beside every sealed
 * value, so a wrong key is reported as such. Neither the key nor its Base64 appears in messages.
 */
final class MasterKey {

    static final String FILE_NAME = "master.key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String id;

    private MasterKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a master key is 32 bytes (Base64 of 32 random bytes), got "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
        try {
            this.id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A fresh random key. */
    static MasterKey generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /** Reads the Base64 text of a key; {@code source} names where it came from in the error message. */
    static MasterKey parse(String base64, String source) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not a master key: expected the Base64 of 32 random "
                    + "bytes (openssl rand -base64 32)");
        }
    }

    /** The key file under the data directory. */
    static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * The master key: {@code environmentValue} when set, else the key file, created (0600) when absent and
     * {@code create} is true; empty when there is none and none may be created.
     */
    static java.util.Optional<MasterKey> load(String environmentValue, Path dataDir, boolean create) {
        if (environmentValue != null && !environmentValue.isBlank()) {
            return java.util.Optional.of(parse(environmentValue, SecretBox.ENVIRONMENT_VARIABLE));
        }
        Path file = file(dataDir);
        if (Files.isRegularFile(file)) {
            return java.util.Optional.of(read(file));
        }
        if (!create) {
            return java.util.Optional.empty();
        }
        MasterKey key = generate();
        try {
            key.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return java.util.Optional.of(read(file)); // another process made it first
        }
        return java.util.Optional.of(key);
    }

    static MasterKey read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** Writes the key to a new owner-only file; fails if {@code file} exists. */
    void createFile(Path file) throws FileAlreadyExistsException {
        try {
            Files.createDirectories(file.getParent());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, base64() + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the master key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code file} by this key through an owner-only temporary file and an atomic move. */
    void replaceFile(Path file) {
        Path next = file.resolveSibling(FILE_NAME + ".new");
        try {
            Files.deleteIfExists(next);
            createFile(next);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the master key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A short, non-secret name of this key: the first 8 bytes of its SHA-256, in hex. */
    String id() {
        return id;
    }

    /** The Base64 form, for {@code RECIO_MASTER_KEY} or the key file. */
    String base64() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Encrypts {@code plain}, bound to {@code purpose} (a value sealed for one column cannot be moved to another). */
    String seal(String plain, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Decrypts what {@link #seal} made for {@code purpose}; a wrong key or altered value is refused. */
    String open(String sealed, String purpose) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret (" + purpose + ") cannot be decrypted with master key "
                    + id + ": it was altered or sealed with another key");
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
