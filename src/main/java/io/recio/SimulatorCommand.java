package io.recio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code recio simulator}: only the simulated world (Kalshi exchange and Coinbase feed on their manifest
 * ports), without the web console, until stopped; for running clients or a second recio against it.
 * Lives beside {@link RecioCli} rather than in the simulator module because every module depends on the
 * root package: a root class naming a module's class would make a cycle. It only sets properties.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Run only the simulators: the Kalshi exchange (port simulator_kalshi, 8090) and the Coinbase "
                + "Exchange feed (port simulator_coinbase, 8091, ws://127.0.0.1:8091/). Stop with Ctrl-C.",
        footer = "Further --key=value arguments are passed to recio's configuration, e.g. "
                + "--recio.simulator.start-price.btc=100000")
public final class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the simulated world (same seed, same prices).")
    Long seed;

    @Option(names = {"--replay", "--replay-btc"}, paramLabel = "FILE",
            description = "Replay this one-minute candle CSV (gzip or plain) for BTC, starting now.")
    Path replay;

    @Option(names = "--replay-eth", paramLabel = "FILE", description = "Replay this one-minute candle CSV for ETH.")
    Path replayEth;

    @Unmatched
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
        for (Path file : new Path[] {replay, replayEth}) {
            if (file != null && !Files.isReadable(file)) {
                System.err.println("recio simulator: replay file " + file + " does not exist or is not readable");
                return 2;
            }
        }
        return RecioCli.serveWith("simulator", springArguments(), settings);
    }

    /** The arguments recio starts with before the extra settings: simulators on, no console, ports checked. */
    List<String> springArguments() {
        List<String> args = new ArrayList<>(List.of("--recio.simulator.enabled=true",
                "--spring.main.web-application-type=none", "--recio.check-ports=true"));
        if (seed != null) {
            args.add("--recio.simulator.seed=" + seed);
        }
        if (replay != null) {
            args.add("--recio.simulator.replay.btc-file=" + replay.toAbsolutePath());
        }
        if (replayEth != null) {
            args.add("--recio.simulator.replay.eth-file=" + replayEth.toAbsolutePath());
        }
        return args;
    }
}
