package io.recio.trading.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * REC.IO's trade_executor as a managed service: orders leave through the {@link TradeExecutor} as trades are
 * entered and closed; the duty cycle looks up, each second while trading is not HALTED, the orders whose answer
 * was lost (UNKNOWN) and whose next lookup is due.
 */
@Service
class TradeExecutorService implements ManagedService {

    private final TradeExecutor executor;
    private final TradingPasses passes;
    private volatile ServiceContext context;

    TradeExecutorService(TradeExecutor executor, TradingPasses passes) {
        this.executor = executor;
        this.passes = passes;
    }

    @Override
    public ServiceName name() {
        return ServiceName.TRADE_EXECUTOR;
    }

    @Override
    public List<ServiceName> dependencies() {
        return List.of(ServiceName.TRADE_MANAGER, ServiceName.KALSHI_API_WATCHDOG);
    }

    @Override
    public boolean criticalToTrading() {
        return true;
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        context.detail("venue", executor.venueName());
    }

    @Override
    public Duration dutyCycle() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int doWork(Instant now) {
        passes.runUnlessHalted(context, () -> context.detail("unresolved_orders", executor.resolveUnknown(false)));
        return 0;
    }

    @Override
    public void stop() {
        // orders in flight finish on their caller's thread; unresolved ones are looked up after the next start
    }
}
