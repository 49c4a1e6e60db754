package io.recio.pricing.internal;

import io.recio.RecioProperties;
import io.recio.market.Symbol;
import io.recio.pricing.StrikeTableUpdated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * REC.IO's strike-table file, {@code <data-dir>/strike_tables/<symbol>_strike_table.json}: written to a
 * temporary file beside it and moved into place atomically, so a reader never sees half a table.
 */
@Component
public class StrikeTableFile {

    private final Path directory;
    private final StrikeTableBodies bodies;

    StrikeTableFile(RecioProperties recio, StrikeTableBodies bodies) {
        this.directory = recio.dataDir().resolve("strike_tables");
        this.bodies = bodies;
    }

    public Path path(Symbol symbol) {
        return directory.resolve(symbol.name().toLowerCase(Locale.ROOT) + "_strike_table.json");
    }

    /**
     * Writes the table and its watchlist, the bytes the API answers; throws IOException naming the file when the disk
     * refuses.
     */
    public void write(StrikeTableUpdated update) throws IOException {
        Path target = path(update.table().symbol());
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, bodies.of(update).json());
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
