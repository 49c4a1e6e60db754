package io.recio.simulator.internal;

import io.recio.RecioProperties;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import io.recio.simulator.exchange.KalshiExchangeSimulator;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managed service {@code simulator_kalshi}: the simulated Kalshi exchange, listening while it runs, and
 * the demo account's credential written for recio's Kalshi client.
 */
class SimulatorKalshiService implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(SimulatorKalshiService.class);

    private final KalshiExchangeSimulator exchange;
    private final RecioProperties recio;
    private final long seed;
    private volatile ServiceContext context;

    SimulatorKalshiService(KalshiExchangeSimulator exchange, RecioProperties recio, long seed) {
        this.exchange = exchange;
        this.recio = recio;
        this.seed = seed;
    }

    @Override
    public ServiceName name() {
        return ServiceName.SIMULATOR_KALSHI;
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        exchange.start(recio.bindAddress(), recio.ports().simulatorKalshi(), false);
        exchange.writeDemoCredentials(recio.dataDir());
        context.detail("rest_url", exchange.restUrl());
        context.detail("ws_url", exchange.wsUrl());
        context.detail("seed", seed);
    }

    /** The simulated exchange lists, opens, closes and settles markets and re-quotes its makers five times a second. */
    @Override
    public Duration dutyCycle() {
        return Duration.ofMillis(200);
    }

    @Override
    public int doWork(Instant now) {
        try {
            exchange.tick();
            context.healthy();
        } catch (RuntimeException e) {
            log.error("simulated exchange tick failed", e);
            context.degraded("exchange tick failed: " + e.getMessage());
        }
        return 0;
    }

    @Override
    public void stop() {
        exchange.stop();
    }
}
