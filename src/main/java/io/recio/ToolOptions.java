package io.recio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/**
 * The options every tool subcommand ({@code history}, {@code model}, ...) shares, and the way it
 * starts recio without the web server or background services to reach the database and beans.
 * Use as a picocli {@code @Mixin}; {@link ToolRun} runs the command's work in that context.
 */
public final class ToolOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file as for 'run' (default: the demo database under ./data).")
    Path config;

    /** Starts a context without web server and background services; close it when done. */
    public ConfigurableApplicationContext startContext() {
        List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--recio.services.autostart=false", "--logging.level.root=warn"));
        if (config != null) {
            if (!Files.isReadable(config)) {
                throw new IllegalArgumentException("configuration file " + config + " does not exist or is not readable");
            }
            args.add("--spring.config.additional-location=file:" + config.toAbsolutePath());
        } else {
            args.add("--spring.profiles.active=demo");
        }
        return RecioCli.start(args);
    }
}
