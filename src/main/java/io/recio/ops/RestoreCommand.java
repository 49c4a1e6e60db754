package io.recio.ops;

import io.recio.ToolCommand;
import io.recio.ops.internal.Backups;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code recio restore FILE}: replaces recio's database with a backup (see {@link Backups}). */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace recio's database with the backup FILE made by 'recio backup'. Stop recio first.",
            "H2: the current file is kept as recio.mv.db.before-restore. PostgreSQL: pg_restore --clean in one "
                    + "transaction."},
        footer = "recio migrates a restored older backup (Flyway) when it starts.")
public final class RestoreCommand implements Callable<Integer>, ToolCommand {

    @Parameters(paramLabel = "FILE", description = "Backup file made by 'recio backup'.")
    Path file;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
            description = "Data directory of the embedded database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() {
        try {
            new Backups(Clock.systemUTC()).restore(Backups.target(System.getenv(), dataDir), file);
            System.out.println("restored " + file + "; start recio");
            return 0;
        } catch (Backups.BackupException e) {
            System.err.println("recio restore: " + e.getMessage());
            return 1;
        }
    }
}
