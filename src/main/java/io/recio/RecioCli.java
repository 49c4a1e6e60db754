package io.recio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * recio's command line: {@code demo} (the default), {@code run}, and the tools each module adds.
 * {@code test} and {@code bench} live in the {@code ./recio} launcher because they drive Maven.
 */
@Command(name = "recio", mixinStandardHelpOptions = true, versionProvider = RecioCli.Version.class,
        description = "Self-hosted platform for Kalshi's hourly BTC and ETH contracts.",
        subcommands = {RecioCli.Demo.class, RecioCli.Run.class, io.recio.pricing.ModelCommand.class,
                SimulatorCommand.class, CommandLine.HelpCommand.class})
public final class RecioCli implements Callable<Integer> {

    /** Runs the command line and returns the process exit code. */
    public static int execute(String... args) {
        return new CommandLine(new RecioCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public Integer call() {
        return new Demo().call();
    }

    /**
     * Starts recio with the given Spring arguments and blocks until it shuts down.
     *
     * @return 0 after a clean shutdown, 1 when start-up failed (Spring has printed why)
     */
    static int serve(List<String> springArgs) {
        ConfigurableApplicationContext context;
        try {
            context = start(springArgs);
        } catch (RuntimeException e) {
            return 1;
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (!context.isActive()) {
            return 0;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Starts the application context with arguments that take precedence over every config source. */
    public static ConfigurableApplicationContext start(List<String> springArgs) {
        return new SpringApplication(RecioApplication.class).run(springArgs.toArray(String[]::new));
    }

    /** {@code recio demo}: everything built in, nothing to set up. */
    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Run recio in demo mode: embedded database, built-in Kalshi exchange and Coinbase feed "
                    + "simulators, no network, no setup. Serves http://127.0.0.1:3000.")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--port", description = "Port of the web console (default 3000).")
        Integer port;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("--recio.mode=demo", "--spring.profiles.active=demo",
                    "--recio.simulator.enabled=true", "--recio.check-ports=true"));
            if (port != null) {
                args.add("--recio.ports.main-app=" + port);
            }
            return serve(args);
        }
    }

    /** {@code recio run}: paper or live trading, configured by file and environment. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run recio in paper or live mode, configured by a YAML file and RECIO_* environment "
                    + "variables (see the README's configuration section).")
    static final class Run implements Callable<Integer> {
        @Option(names = {"-c", "--config"}, paramLabel = "FILE",
                description = "Configuration file (default: ./recio.yml when it exists).")
        Path config;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("--recio.check-ports=true"));
            Path file = config != null ? config : Path.of("recio.yml");
            if (config != null && !Files.isReadable(config)) {
                System.err.println("recio: configuration file " + config + " does not exist or is not readable");
                return 2;
            }
            if (Files.isReadable(file)) {
                args.add("--spring.config.additional-location=file:" + file.toAbsolutePath());
            }
            return serve(args);
        }
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RecioCli.class.getPackage().getImplementationVersion();
            return new String[] {"recio " + (version != null ? version : "development")};
        }
    }
}
