package io.recio.ops.internal;

import io.recio.ops.AdminCommand;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Ops' own admin console commands: status, services, restart NAME, logs NAME [LINES], alert test [CHANNEL]. */
@Configuration(proxyBeanMethods = false)
class OpsCommands {

    /** A command made of its words and a function. */
    record Command(String name, String usage, String summary, Body body) implements AdminCommand {

        /** What the command does with its arguments. */
        interface Body {
            String run(List<String> args, String user) throws Exception;
        }

        @Override
        public String run(List<String> args, String user) throws Exception {
            return body.run(args, user);
        }
    }

    @Bean
    AdminCommand statusCommand(SystemMonitor monitor, CascadingFailureDetector detector) {
        return new Command("status", "status", "host resources, database, services and whether ops suspends entries",
                (args, user) -> {
                    none(args);
                    SystemHealth h = monitor.latest();
                    SystemHealth.Services s = h.services();
                    return "sampled " + h.timestamp() + " on instance " + h.instanceId() + "\n"
                            + "cpu    " + resource(h.cpu()) + "\n"
                            + "memory " + resource(h.memory()) + "\n"
                            + "disk   " + resource(h.disk()) + "\n"
                            + "heap   " + Math.round(h.jvm().heapUsedMb()) + " of " + Math.round(h.jvm().heapMaxMb())
                            + " MB, " + h.jvm().threads() + " threads\n"
                            + "database " + (h.database().reachable() ? "reachable, ping " + h.database().pingMs() + " ms"
                            : "UNREACHABLE: " + h.database().error()) + "\n"
                            + "services " + s.total() + ": " + s.running() + " running, " + s.degraded() + " degraded, "
                            + s.failed() + " failed, " + s.starting() + " starting, " + s.stopped() + " stopped\n"
                            + "entries " + (detector.suspended() ? "SUSPENDED by the failure detector"
                            : "not suspended by the failure detector") + (h.otherInstances().isEmpty() && !h.sameDataDir()
                            ? "" : "\nANOTHER recio instance is running on this database or data directory");
                });
    }

    @Bean
    AdminCommand servicesCommand(ManagedServices services, Clock clock) {
        return new Command("services", "services", "every managed service: state, uptime, restarts, last problem",
                (args, user) -> {
                    none(args);
                    Instant now = clock.instant();
                    return services.all().stream().map(h -> String.format("%-32s %-9s up %-9s restarts %-3d%s",
                                    h.name(), h.state(), uptime(h, now), h.restarts(),
                                    h.lastError() == null ? "" : " last: " + h.lastError()))
                            .collect(Collectors.joining("\n"));
                });
    }

    @Bean
    AdminCommand restartCommand(ManagedServices services) {
        return new Command("restart", "restart NAME", "stops and starts one service (services lists the names)",
                (args, user) -> {
                    if (args.size() != 1) {
                        throw new IllegalArgumentException("name one service");
                    }
                    ServiceName name = known(services, args.getFirst());
                    ManagedServices.Restart r = services.restart(name);
                    return "restarting " + name + (r.affected().isEmpty() ? "; no other service needs it"
                            : "; these need it and run without it for a moment: " + String.join(", ",
                            r.affected().stream().map(ServiceName::value).toList()));
                });
    }

    @Bean
    AdminCommand logsCommand(LogFiles logs) {
        return new Command("logs", "logs NAME [LINES]", "the last lines (20 unless LINES, at most "
                + LogsController.MAX_LINES + ") of a service's log, or of recio", (args, user) -> {
                    if (args.isEmpty() || args.size() > 2) {
                        throw new IllegalArgumentException("name one log: recio or a service");
                    }
                    int lines = 20;
                    if (args.size() == 2) {
                        try {
                            lines = Integer.parseInt(args.get(1));
                        } catch (NumberFormatException e) {
                            lines = -1;
                        }
                        if (lines < 1 || lines > LogsController.MAX_LINES) {
                            throw new IllegalArgumentException("LINES must be 1 to " + LogsController.MAX_LINES);
                        }
                    }
                    if (!logs.names().contains(args.getFirst())) {
                        throw new IllegalArgumentException("no log named '" + args.getFirst() + "'; logs: "
                                + String.join(", ", logs.names()));
                    }
                    LogFiles.Tail tail = logs.last(args.getFirst(), lines);
                    return tail.lines().isEmpty() ? "(the log is empty)" : String.join("\n", tail.lines());
                });
    }

    @Bean
    AdminCommand alertCommand(AlertService alerts) {
        return new Command("alert", "alert test [CHANNEL]", "sends a test alert through every enabled channel, or one",
                (args, user) -> {
                    if (args.isEmpty() || !args.getFirst().equals("test") || args.size() > 2) {
                        throw new IllegalArgumentException("the one alert command is: alert test [CHANNEL]");
                    }
                    String channel = args.size() == 2 ? args.get(1) : null;
                    List<AlertService.Delivery> done = alerts.test(channel, user);
                    if (done.isEmpty()) {
                        throw new IllegalStateException(channel == null ? "no alert channel is enabled"
                                : "no enabled channel named '" + channel + "'");
                    }
                    return done.stream().map(d -> d.channel() + ": " + (d.ok() ? "delivered" : "FAILED " + d.error()))
                            .collect(Collectors.joining("\n"));
                });
    }

    private static void none(List<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("it takes no arguments");
        }
    }

    private static ServiceName known(ManagedServices services, String text) {
        try {
            ServiceName name = new ServiceName(text);
            if (services.health(name).isPresent()) {
                return name;
            }
        } catch (IllegalArgumentException e) {
            // not a well-formed name: no such service either
        }
        throw new IllegalArgumentException("no managed service named '" + text + "'; services lists them");
    }

    private static String resource(SystemHealth.Resource r) {
        if (r.percent() == null) {
            return "unknown";
        }
        return Math.round(r.percent()) + "% " + r.level() + (r.totalGb() == null ? ""
                : " (" + r.usedGb() + " of " + r.totalGb() + " GB, " + r.freeGb() + " GB free)");
    }

    static String uptime(ServiceHealth h, Instant now) {
        if (!h.state().isUp()) {
            return "–";
        }
        Instant from = h.startedAt() != null ? h.startedAt() : h.since();
        long s = Math.max(0, Duration.between(from, now).toSeconds());
        return s >= 3600 ? s / 3600 + "h" + String.format("%02dm", s % 3600 / 60) : s / 60 + "m" + String.format("%02ds", s % 60);
    }
}
