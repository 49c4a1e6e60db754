package io.recio.ops.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Backs up and restores recio's database without starting recio: the embedded H2 file with H2's
 * {@code BACKUP TO} (a consistent zip of the database file; H2 locks the file to one process, so recio is stopped
 * for it), PostgreSQL with {@code pg_dump}'s custom format (one
 * consistent snapshot, taken while recio runs) and {@code pg_restore}. The database is the one recio would use:
 * {@code RECIO_DB_URL}, {@code RECIO_DB_USER} and {@code RECIO_DB_PASSWORD} for PostgreSQL, else the H2 file in
 * the data directory.
 */
public final class Backups {

    /** What went wrong, in words for the command line. */
    public static final class BackupException extends Exception {
        BackupException(String message) {
            super(message);
        }
    }

    /** The database to back up or restore. */
    public sealed interface Target {
    }

    /** The embedded H2 database {@code recio.mv.db} in {@code dataDir}. */
    public record H2(Path dataDir) implements Target {
        String url(boolean mustExist) {
            return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("recio")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" + (mustExist ? ";IFEXISTS=TRUE" : "");
        }

        Path file() {
            return dataDir.resolve("recio.mv.db");
        }
    }

    /** A PostgreSQL database, from a {@code jdbc:postgresql://host[:port]/name} URL. */
    public record Postgres(String host, int port, String database, String user, String password) implements Target {
        static Postgres of(String jdbcUrl, String user, String password) throws BackupException {
            try {
                URI uri = URI.create(jdbcUrl.substring("jdbc:".length()).replaceFirst("\\?.*$", ""));
                String name = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
                if (uri.getHost() == null || name.isEmpty()) {
                    throw new IllegalArgumentException("no host or database name");
                }
                return new Postgres(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), name,
                        user == null || user.isBlank() ? "postgres" : user, password == null ? "" : password);
            } catch (IllegalArgumentException e) {
                throw new BackupException("RECIO_DB_URL '" + jdbcUrl + "' is not jdbc:postgresql://host[:port]/database ("
                        + e.getMessage() + ")");
            }
        }

        List<String> connection() {
            return List.of("--host", host, "--port", Integer.toString(port), "--username", user, "--no-password");
        }
    }

    private final Clock clock;

    public Backups(Clock clock) {
        this.clock = clock;
    }

    /** The database recio uses with this environment: PostgreSQL when {@code RECIO_DB_URL} is set, else H2. */
    public static Target target(Map<String, String> env, Path dataDir) throws BackupException {
        String url = env.get("RECIO_DB_URL");
        if (url == null || url.isBlank()) {
            return new H2(dataDir);
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new BackupException("RECIO_DB_URL must be a jdbc:postgresql: URL (or unset for the embedded H2 file)");
        }
        return Postgres.of(url, env.get("RECIO_DB_USER"), env.get("RECIO_DB_PASSWORD"));
    }

    /** The default backup file name in {@code dir}: recio-YYYYMMDD-HHMMSS.zip (H2) or .dump (PostgreSQL). */
    public Path defaultFile(Target target, Path dir) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant());
        return dir.resolve("recio-" + stamp + (target instanceof H2 ? ".zip" : ".dump"));
    }

    /** Writes a consistent snapshot of {@code target} to {@code file} (owner-only), which must not exist yet. */
    public void backup(Target target, Path file) throws BackupException {
        if (Files.exists(file)) {
            throw new BackupException(file + " exists already; name a new file");
        }
        switch (target) {
            case H2 h2 -> backupH2(h2, file);
            case Postgres pg -> {
                List<String> command = new ArrayList<>(List.of("pg_dump", "--format=custom", "--no-owner",
                        "--file", file.toString()));
                command.addAll(pg.connection());
                command.add(pg.database());
                run(command, pg);
            }
        }
        ownerOnly(file);
    }

    private static void backupH2(H2 h2, Path file) throws BackupException {
        if (!Files.exists(h2.file())) {
            throw new BackupException("no recio database at " + h2.file().toAbsolutePath());
        }
        refuseIfOpen(h2, "backed up");
        try (Connection c = DriverManager.getConnection(h2.url(true), "sa", "");
             PreparedStatement backup = c.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, file.toAbsolutePath().toString());
            backup.execute();
        } catch (SQLException e) {
            throw new BackupException(h2Problem(h2, e));
        }
    }

    /**
     * Replaces the database {@code target} with the backup {@code file}. recio must be stopped. The H2 file it
     * replaces is kept beside it as {@code recio.mv.db.before-restore}; PostgreSQL's objects are dropped and
     * recreated from the dump in one transaction.
     */
    public void restore(Target target, Path file) throws BackupException {
        if (!Files.isReadable(file)) {
            throw new BackupException("backup file " + file + " does not exist or is not readable");
        }
        switch (target) {
            case H2 h2 -> restoreH2(h2, file);
            case Postgres pg -> {
                List<String> command = new ArrayList<>(List.of("pg_restore", "--clean", "--if-exists", "--no-owner",
                        "--single-transaction", "--exit-on-error", "--dbname", pg.database()));
                command.addAll(pg.connection());
                command.add(file.toString());
                run(command, pg);
            }
        }
    }

    private static void restoreH2(H2 h2, Path file) throws BackupException {
        // the restore must not pull the file from under a running recio
        refuseIfOpen(h2, "restored");
        try {
            Files.createDirectories(h2.dataDir());
            if (Files.exists(h2.file())) {
                Files.move(h2.file(), h2.dataDir().resolve("recio.mv.db.before-restore"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            org.h2.tools.Restore.execute(file.toString(), h2.dataDir().toString(), "recio");
        } catch (IOException | RuntimeException e) {
            throw new BackupException("could not restore " + file + " into " + h2.dataDir() + ": " + e.getMessage());
        }
        if (!Files.exists(h2.file())) {
            throw new BackupException(file + " holds no recio database (recio.mv.db)");
        }
        ownerOnly(h2.file());
    }

    /** H2 holds a lock on its file while it has the database open, in this process or another. */
    private static void refuseIfOpen(H2 h2, String what) throws BackupException {
        if (!Files.exists(h2.file())) {
            return;
        }
        boolean open;
        try (FileChannel channel = FileChannel.open(h2.file(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            open = lock == null;
            if (lock != null) {
                lock.release();
            }
        } catch (OverlappingFileLockException e) {
            open = true;
        } catch (IOException e) {
            throw new BackupException("cannot open " + h2.file() + ": " + e.getMessage());
        }
        if (open) {
            throw new BackupException("the database " + h2.file() + " is open in a running recio. The embedded "
                    + "database is " + what + " while recio is stopped (systemctl stop recio); run on PostgreSQL "
                    + "to back up while recio runs.");
        }
    }

    private static String h2Problem(H2 h2, SQLException e) {
        return "H2 database " + h2.file() + ": " + e.getMessage();
    }

    private static void run(List<String> command, Postgres pg) throws BackupException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", pg.password());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            int exit = process.waitFor();
            if (exit != 0) {
                throw new BackupException(command.getFirst() + " failed (exit " + exit + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new BackupException(command.getFirst() + " could not be run (" + e.getMessage()
                    + "); install the PostgreSQL client (apt-get install postgresql-client)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(command.getFirst() + " was interrupted");
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // a file system without POSIX permissions: the umask decides
        }
    }
}
