package io.recio.simulator.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ManagedServices;
import io.recio.simulator.feed.CoinbaseFeedServer;
import java.util.List;
import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops the simulated Coinbase feed with the application (early, so recio's own feed client
 * finds it listening) and reports it as the managed service {@code simulator_coinbase}.
 */
class SimulatorLifecycle implements SmartLifecycle {

    static final String PRICES_SERVICE = "simulator_prices";
    static final String COINBASE_SERVICE = "simulator_coinbase";

    private final CoinbaseFeedServer feed;
    private final ManagedService service;
    private final boolean autostart;

    SimulatorLifecycle(CoinbaseFeedServer feed, ManagedServices services, boolean autostart) {
        this.feed = feed;
        this.service = services.register(COINBASE_SERVICE, List.of(PRICES_SERVICE));
        this.autostart = autostart;
    }

    @Override
    public void start() {
        service.starting();
        try {
            feed.start();
        } catch (IllegalStateException e) {
            service.failed(e.getMessage());
            throw e;
        }
        service.detail("port", feed.port());
        service.detail("path", "/");
        service.running();
    }

    @Override
    public void stop() {
        feed.stop();
        service.stopped();
    }

    @Override
    public boolean isRunning() {
        return feed.isRunning();
    }

    @Override
    public boolean isAutoStartup() {
        return autostart;
    }

    /** Before the clients (default phase): a simulator must listen before recio connects to it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }
}
