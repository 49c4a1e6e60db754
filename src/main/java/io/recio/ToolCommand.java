package io.recio;

/**
 * A module's command-line tool ({@code history}, {@code model}, ...): a picocli {@code @Command} with a
 * public no-argument constructor, listed in {@code META-INF/services/io.recio.ToolCommand}. The command
 * line finds tools through {@link java.util.ServiceLoader}, so the root package never names a module's
 * class and the modules stay free of cycles.
 */
public interface ToolCommand {
}
