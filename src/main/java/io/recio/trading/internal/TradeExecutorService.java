package io.recio.trading.internal;

import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import io.recio.ops.TradingImpact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * REC.IO's trade_executor as a managed service: orders leave through the {@link TradeExecutor} as trades are
 * entered and closed; the duty cycle looks up, each second while trading is not HALTED, the orders whose answer
 * was lost (UNKNOWN) and whose next lookup is due. An order without a definite answer for
 * {@value #STUCK_DEGRADED_SECONDS} s makes the service DEGRADED, for {@value #STUCK_SUSPEND_SECONDS} s it also
 * suspends entries (the venue is not answering orders).
 */
@Service
class TradeExecutorService implements ManagedService {

    static final long STUCK_DEGRADED_SECONDS = 10;
    static final long STUCK_SUSPEND_SECONDS = 30;

    private final TradeExecutor executor;
    private final TradeManager trades;
    private final TradingPasses passes;
    private volatile ServiceContext context;

    TradeExecutorService(TradeExecutor executor, TradeManager trades, TradingPasses passes) {
        this.executor = executor;
        this.trades = trades;
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

    /** Judges the orders still without an answer first (a query, no lock), then looks them up. */
    @Override
    public int doWork(Instant now) {
        TradingPasses.Trouble before = stuck(now);
        if (before != null) {
            context.degraded(before.reason(), before.impact());
        }
        passes.runUnlessHalted(context, () -> {
            context.detail("unresolved_orders", executor.resolveUnknown(false));
            return stuck(now);
        });
        return 0;
    }

    /** The oldest order still SENDING or UNKNOWN, as trouble once it is old enough. */
    TradingPasses.Trouble stuck(Instant now) {
        List<TradeOrder> open = trades.unresolvedOrders();
        if (open.isEmpty()) {
            return null;
        }
        TradeOrder oldest = open.stream().min(java.util.Comparator.comparing(TradeOrder::createdAt)).orElseThrow();
        long seconds = Duration.between(oldest.createdAt(), now).toSeconds();
        if (seconds < STUCK_DEGRADED_SECONDS) {
            return null;
        }
        String reason = open.size() + (open.size() == 1 ? " order has" : " orders have") + " no answer from the venue, "
                + "the oldest (" + oldest.clientOrderId() + " to " + oldest.ticker() + ") for " + seconds + " s";
        return new TradingPasses.Trouble(reason, seconds >= STUCK_SUSPEND_SECONDS ? TradingImpact.SUSPEND_ENTRIES
                : TradingImpact.NONE);
    }

    @Override
    public void stop() {
        // orders in flight finish on their caller's thread; unresolved ones are looked up after the next start
    }
}
