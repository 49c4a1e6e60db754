package io.recio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Keeps the data directory private before anything writes to it: the embedded database, the simulator's
 * credentials and the logs live there, so it is 0700 and every file in it 0600 (owner only), whatever the
 * umask left behind. A directory recio cannot make private stops start-up with the path and the reason.
 */
class DataDirectory implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String dir = event.getEnvironment().getProperty("recio.data-dir", "./data");
        makePrivate(Path.of(dir.isBlank() ? "./data" : dir));
    }

    /** Creates {@code dir} if needed and restricts it and everything in it to the owner. */
    static void makePrivate(Path dir) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createDirectories(dir);
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    if (Files.isSymbolicLink(p)) {
                        continue;
                    }
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIRECTORY : FILE);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("recio.data-dir " + dir.toAbsolutePath().normalize()
                    + " cannot be made private (owner-only): " + e.getMessage(), e);
        }
    }
}
