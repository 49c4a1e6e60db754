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

/** {@code recio backup [FILE]}: a consistent snapshot of recio's database (see {@link Backups}). */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a consistent snapshot of recio's database to FILE (owner-only).",
            "PostgreSQL (RECIO_DB_URL, RECIO_DB_USER, RECIO_DB_PASSWORD set): pg_dump's custom format, taken while "
                    + "recio runs. The embedded H2 file: H2's BACKUP TO (a zip), while recio is stopped."},
        footer = "Restore with: recio restore FILE")
public final class BackupCommand implements Callable<Integer>, ToolCommand {

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "Backup file (default: recio-YYYYMMDD-HHMMSS.zip or .dump in the current directory).")
    Path file;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
            description = "Data directory of the embedded database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return ToolRun.of(spec, Backups.BackupException.class).run(out -> {
            Backups backups = new Backups(Clock.systemUTC());
            Backups.Target target = Backups.target(System.getenv(), dataDir);
            Path written = file != null ? file : backups.defaultFile(target, Path.of("."));
            backups.backup(target, written);
            out.println("backed up to " + written.toAbsolutePath().normalize());
            return 0;
        });
    }
}
