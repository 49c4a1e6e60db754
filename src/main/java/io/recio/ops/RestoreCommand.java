package io.recio.ops;

import io.recio.ToolCommand;
import io.recio.ToolRun;
import io.recio.ops.internal.Backups;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return ToolRun.of(spec, Backups.BackupException.class).run(out -> {
            new Backups(Clock.systemUTC()).restore(Backups.target(System.getenv(), dataDir), file);
            out.println("restored " + file + "; start recio");
            return 0;
        });
    }
}
