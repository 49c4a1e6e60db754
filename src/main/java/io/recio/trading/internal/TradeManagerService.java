package io.recio.trading.internal;

import io.micrometer.core.instrument.Metrics;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import io.recio.trading.TradingHold;
import io.recio.trading.TradingMode;
import io.recio.trading.venue.VenueUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * REC.IO's trade_manager as a managed service: reconciliation with the venue at start-up (trading stays off until
 * it succeeds, retried every 5 s) and every {@code recio.trading.reconcile-interval} after that; a standby (another
 * instance holds the trading lease) does not reconcile, and reconciles at once when it takes the lease.
 */
@Service
public class TradeManagerService implements ManagedService {

    private static final Logger log = LoggerFactory.getLogger(TradeManagerService.class);
    static final Duration START_UP_RETRY = Duration.ofSeconds(5);

    private final Reconciler reconciler;
    private final TradeExecutor executor;
    private final TradingPasses passes;
    private final TradingGate gate;
    private final TradingProperties properties;
    private volatile ServiceContext context;
    private Instant nextPass;

    public TradeManagerService(Reconciler reconciler, TradeExecutor executor, TradingPasses passes,
                               TradingGate gate, TradingProperties properties) {
        this.gate = gate;
        this.reconciler = reconciler;
        this.executor = executor;
        this.passes = passes;
        this.properties = properties;
    }

    @Override
    public ServiceName name() {
        return ServiceName.TRADE_MANAGER;
    }

    @Override
    public List<ServiceName> dependencies() {
        return List.of(ServiceName.KALSHI_API_WATCHDOG);
    }

    @Override
    public boolean criticalToTrading() {
        return true;
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        context.detail("venue", executor.venueName());
        nextPass = null;
    }

    @Override
    public Duration dutyCycle() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int doWork(Instant now) {
        if (gate.holding(TradingHold.Kind.LEASE)) {
            // a standby reconciles nothing (the leader's orders may be in flight); once it leads, at once
            nextPass = null;
            return 0;
        }
        if (nextPass != null && now.isBefore(nextPass)) {
            return 0;
        }
        reconcileNow();
        boolean reconciled = !gate.holding(TradingHold.Kind.RECONCILIATION);
        nextPass = now.plus(reconciled ? properties.reconcileInterval() : START_UP_RETRY);
        return 1;
    }

    @Override
    public void stop() {
        // nothing held between passes
    }

    /**
     * Runs a reconciliation pass; the first success turns trading on.
     *
     * @return whether the pass succeeded
     */
    public boolean reconcileNow() {
        ServiceContext c = context;
        return passes.alone(() -> {
            try {
                Reconciler.Report r = reconciler.reconcile();
                if (c != null) {
                    c.detail("last_reconciliation_mismatches", r.mismatches());
                }
                Metrics.counter("recio.reconciliation.mismatches").increment(r.mismatches());
                if (gate.holding(TradingHold.Kind.RECONCILIATION)) {
                    gate.release(TradingHold.Kind.RECONCILIATION);
                    log.info("start-up reconciliation with {} done ({} mismatches); trading is on",
                            executor.venueName(), r.mismatches());
                }
                if (c != null) {
                    c.healthy();
                }
                return true;
            } catch (VenueUnavailableException | RuntimeException e) {
                String why = "reconciliation failed: " + e.getMessage();
                if (gate.holding(TradingHold.Kind.RECONCILIATION)) {
                    gate.hold(TradingHold.Kind.RECONCILIATION, TradingMode.HALTED,
                            TradingGate.NOT_RECONCILED + ": " + why);
                }
                if (c != null) {
                    c.degraded(why);
                }
                return false;
            }
        });
    }
}
