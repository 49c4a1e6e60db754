package io.recio.simulator.internal;

import io.recio.RecioProperties;
import io.recio.ops.ManagedService;
import io.recio.ops.ManagedServices;
import io.recio.simulator.exchange.KalshiExchangeSimulator;
import java.util.List;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the simulated Kalshi exchange with the application (before recio's Kalshi client), writes the
 * demo account's credential for it, and reports it as the managed service {@code simulator_kalshi}.
 */
class KalshiSimulatorLifecycle implements SmartLifecycle {

    static final String KALSHI_SERVICE = "simulator_kalshi";

    private final KalshiExchangeSimulator exchange;
    private final RecioProperties recio;
    private final ManagedService service;
    private final boolean autostart;
    private volatile boolean running;

    KalshiSimulatorLifecycle(KalshiExchangeSimulator exchange, RecioProperties recio, ManagedServices services,
                             boolean autostart) {
        this.exchange = exchange;
        this.recio = recio;
        this.service = services.register(KALSHI_SERVICE, List.of(SimulatorLifecycle.PRICES_SERVICE));
        this.autostart = autostart;
    }

    @Override
    public void start() {
        service.starting();
        try {
            exchange.start(recio.bindAddress(), recio.ports().simulatorKalshi());
            exchange.writeDemoCredentials(recio.dataDir());
        } catch (RuntimeException e) {
            service.failed(e.getMessage());
            throw e;
        }
        running = true;
        service.detail("rest_url", exchange.restUrl());
        service.detail("ws_url", exchange.wsUrl());
        service.running();
    }

    @Override
    public void stop() {
        exchange.stop();
        running = false;
        service.stopped();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autostart;
    }

    /** Before the clients (default phase): the exchange must listen before recio connects to it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }
}
