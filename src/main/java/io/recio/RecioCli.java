package io.recio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * recio's command line: {@code demo} (the default), {@code run}, {@code simulator}, and the tools each
 * module contributes as a {@link ToolCommand}.
 * {@code test} and {@code bench} live in the {@code ./recio} launcher because they drive Maven.
 */
@Command(name = "recio", mixinStandardHelpOptions = true, versionProvider = RecioCli.Version.class,
        description = "Self-hosted platform for Kalshi's hourly BTC and ETH contracts.",
        subcommands = {RecioCli.Demo.class, RecioCli.Run.class, SimulatorCommand.class, CommandLine.HelpCommand.class})
public final class RecioCli implements Callable<Integer> {

    /** Runs the command line and returns the process exit code. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new RecioCli());
        for (ToolCommand tool : ServiceLoader.load(ToolCommand.class)) {
            commandLine.addSubcommand(tool);
        }
        return commandLine.setCaseInsensitiveEnumValuesAllowed(true).execute(args);
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

    /**
     * Checks the extra {@code --key=value} settings a command passes on to recio's configuration.
     *
     * @return the first argument that is not of that form, if any
     */
    static java.util.Optional<String> notASetting(List<String> arguments) {
        return arguments.stream().filter(a -> !a.startsWith("--") || !a.contains("=")).findFirst();
    }

    /** Passes {@code extra} on to recio's configuration, or explains why not and returns the exit code 2. */
    static int serveWith(String command, List<String> args, List<String> extra) {
        java.util.Optional<String> bad = notASetting(extra);
        if (bad.isPresent()) {
            System.err.println("recio " + command + ": unknown argument '" + bad.get()
                    + "'; settings are passed as --key=value (e.g. --recio.ports.main-app=3100)");
            return 2;
        }
        List<String> all = new ArrayList<>(args);
        all.addAll(extra);
        return serve(all);
    }

    /** {@code recio demo}: everything built in, nothing to set up. */
    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Run recio in demo mode: embedded database, built-in Kalshi exchange and Coinbase feed "
                    + "simulators, no network, no setup. Serves http://127.0.0.1:3000.",
            footer = "Further --key=value arguments are settings, e.g. --recio.simulator.seed=7")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--port", description = "Port of the web console (default 3000).")
        Integer port;

        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("--recio.mode=demo", "--spring.profiles.active=demo",
                    "--recio.simulator.enabled=true", "--recio.check-ports=true"));
            if (port != null) {
                args.add("--recio.ports.main-app=" + port);
            }
            return serveWith("demo", args, settings);
        }
    }

    /** {@code recio run}: paper or live trading, configured by file and environment. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run recio in paper or live mode, configured by a YAML file and RECIO_* environment "
                    + "variables (see the README's configuration section).",
            footer = "Further --key=value arguments are settings and win over the file, e.g. --recio.mode=paper")
    static final class Run implements Callable<Integer> {
        @Option(names = {"-c", "--config"}, paramLabel = "FILE",
                description = "Configuration file (default: ./recio.yml when it exists).")
        Path config;

        @Unmatched
        List<String> settings = new ArrayList<>();

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
            return serveWith("run", args, settings);
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
