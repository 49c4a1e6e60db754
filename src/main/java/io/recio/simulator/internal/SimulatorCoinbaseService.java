package io.recio.simulator.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import io.recio.simulator.feed.CoinbaseFeedServer;

/** The managed service {@code simulator_coinbase}: the simulated Coinbase feed server, listening while it runs. */
class SimulatorCoinbaseService implements ManagedService {

    private final CoinbaseFeedServer feed;
    private final long seed;

    SimulatorCoinbaseService(CoinbaseFeedServer feed, long seed) {
        this.feed = feed;
        this.seed = seed;
    }

    @Override
    public ServiceName name() {
        return ServiceName.SIMULATOR_COINBASE;
    }

    @Override
    public void start(ServiceContext context) {
        feed.start();
        context.detail("port", feed.port());
        context.detail("path", "/");
        context.detail("seed", seed);
    }

    @Override
    public void stop() {
        feed.stop();
    }
}
