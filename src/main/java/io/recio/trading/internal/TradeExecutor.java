package io.recio.trading.internal;

import io.micrometer.core.instrument.Metrics;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.trading.CloseMethod;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import io.recio.trading.TradingState;
import io.recio.trading.venue.OrderLookup;
import io.recio.trading.venue.OrderOutcome;
import io.recio.trading.venue.OrderVenue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * REC.IO's trade_executor, made safe: every order row (with its deterministic client order id) is
 * written before the order leaves; only a definite answer rejects; a doubtful one leaves the order
 * UNKNOWN and blocks its market until a lookup (retried with back-off) settles it. One order at a
 * time goes through here, so two decisions cannot race into the same market.
 */
@Service
public class TradeExecutor {

    private static final Logger log = LoggerFactory.getLogger(TradeExecutor.class);
    private static final Duration FIRST_LOOKUP = Duration.ofSeconds(1);
    private static final Duration MAX_LOOKUP_BACKOFF = Duration.ofSeconds(60);

    private final TradeManager trades;
    private final OrderVenue venue;
    private final TradingGate gate;
    private final MarketBoard board;
    private final TradingProperties properties;
    private final TradingLease lease;
    private final Clock clock;

    public TradeExecutor(TradeManager trades, OrderVenue venue, TradingGate gate, MarketBoard board,
                         TradingProperties properties, TradingLease lease, Clock clock) {
        this.lease = lease;
        this.trades = trades;
        this.venue = venue;
        this.gate = gate;
        this.board = board;
        this.properties = properties;
        this.clock = clock;
    }

    public String venueName() {
        return venue.name();
    }

    /** Opens a trade if trading is ACTIVE, its market has no unresolved order and the risk limits allow it. */
    public ExecutionResult enter(TradeManager.NewTrade intent) {
        return enter(intent, null);
    }

    /**
     * {@link #enter(TradeManager.NewTrade)} once per idempotency key: when the user already entered a trade
     * with {@code idempotencyKey} (not null) within the window, that trade is the answer and nothing is sent.
     * Entries go through here one at a time, so concurrent repeats of one key find the first one's trade.
     */
    public synchronized ExecutionResult enter(TradeManager.NewTrade intent, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Trade> first = trades.byIdempotencyKey(intent.userId(), idempotencyKey);
            if (first.isPresent()) {
                return new ExecutionResult.Sent(first.get());
            }
        }
        Optional<String> block = entryBlock(intent);
        if (block.isPresent()) {
            String line = "blocked " + intent.method() + " entry " + intent.side() + " " + intent.ticker() + ": "
                    + block.get();
            try {
                trades.logLine(null, null, null, line, clock.instant());
            } catch (DataAccessException e) {
                // the database may be why it is blocked: the refusal stands, and the log file keeps the line
                log.warn("{} (not in the trade log: {})", line, e.getMessage());
            }
            return new ExecutionResult.Blocked(block.get());
        }
        TradeManager.PlacedOrder placed = trades.open(intent, idempotencyKey);
        return new ExecutionResult.Sent(send(placed));
    }

    /** Sells what an OPEN trade holds with a reduce-only IOC at {@code worstPrice} or better. */
    public synchronized ExecutionResult close(long tradeId, CloseMethod method, String reason, Price worstPrice) {
        Optional<Trade> trade = trades.get(tradeId);
        if (trade.isEmpty()) {
            return new ExecutionResult.Blocked("no trade " + tradeId);
        }
        Trade t = trade.get();
        if (t.status() != TradeStatus.OPEN) {
            return new ExecutionResult.Blocked("trade " + tradeId + " is " + t.status() + ", not OPEN");
        }
        TradingState state = gate.state();
        if (!state.exitsAllowed()) {
            return new ExecutionResult.Blocked(state.why());
        }
        if (trades.marketBlocked(t.ticker())) {
            return new ExecutionResult.Blocked(unresolvedMessage(t.ticker()));
        }
        if (!clock.instant().isBefore(t.marketClose())) {
            return new ExecutionResult.Blocked("market " + t.ticker() + " has closed; the trade settles");
        }
        return new ExecutionResult.Sent(send(trades.beginClose(tradeId, method, reason, worstPrice)));
    }

    /**
     * Looks up every unresolved order whose next lookup is due (all of them when {@code force}):
     * found → its fills apply; definitely not found after the grace period → rejected; lookup failed →
     * tried again with doubling back-off up to a minute.
     *
     * @return how many orders are still unresolved
     */
    public synchronized int resolveUnknown(boolean force) {
        Instant now = clock.instant();
        int left = 0;
        for (TradeOrder order : trades.unresolvedOrders()) {
            if (!force && order.nextLookupAt() != null && order.nextLookupAt().isAfter(now)) {
                left++;
                continue;
            }
            OrderLookup answer;
            try {
                answer = venue.lookup(order.request());
            } catch (RuntimeException e) {
                answer = new OrderLookup.Failed(e.toString());
            }
            switch (answer) {
                case OrderLookup.Found f -> trades.applyOutcome(order.id(), f.order(), null);
                case OrderLookup.NotFound nf -> {
                    Instant definite = order.createdAt().plus(properties.lookupGrace());
                    if (!now.isBefore(definite)) {
                        trades.applyOutcome(order.id(), new OrderOutcome.Rejected("not_found",
                                "the venue has no order " + order.clientOrderId() + " "
                                        + properties.lookupGrace().toSeconds() + " s after it was sent"), null);
                    } else {
                        trades.lookupFailed(order.id(), definite);
                        left++;
                    }
                }
                case OrderLookup.Failed failed -> {
                    trades.lookupFailed(order.id(), now.plus(backoff(order.lookups() + 1)));
                    log.info("lookup of {} failed ({}); retrying", order.clientOrderId(), failed.reason());
                    left++;
                }
            }
        }
        return left;
    }

    /**
     * Records a fill the account sync saw (WebSocket or REST) for one of our resolved orders; fills of
     * orders still in flight are picked up by their own answer or lookup. The fill is YES-priced.
     */
    public synchronized void importFill(String venueOrderId, io.recio.trading.venue.VenueFill yesPriced) {
        if (venueOrderId == null || trades.hasFill(yesPriced.fillId())) {
            return;
        }
        trades.orderByVenueId(venueOrderId).filter(o -> !o.status().unresolved()).ifPresent(o -> {
            Trade t = trades.get(o.tradeId()).orElseThrow();
            if (!t.status().isFinal() && t.status() != TradeStatus.EXPIRED) {
                trades.applyOutcome(o.id(), new OrderOutcome.Accepted(null, java.util.List.of(inSide(yesPriced, o))), null);
            }
        });
    }

    /** A YES-priced fill priced in the side its order was placed as. */
    static io.recio.trading.venue.VenueFill inSide(io.recio.trading.venue.VenueFill yesPriced, TradeOrder order) {
        return order.side() == io.recio.market.Side.YES ? yesPriced : new io.recio.trading.venue.VenueFill(
                yesPriced.fillId(), yesPriced.count(), yesPriced.price().complement(), yesPriced.fee(), yesPriced.at());
    }

    private Trade send(TradeManager.PlacedOrder placed) {
        OrderOutcome outcome;
        if (!lease.mayReachVenue()) {
            // the fencing check: another instance may trade this account now; the order never left, so it is
            // definitely not at the venue
            log.warn("order {} not sent: this instance does not hold the trading lease", placed.order().clientOrderId());
            outcome = new OrderOutcome.Rejected("not_leader", "not sent: this instance no longer holds the trading"
                    + " lease (" + lease.leader() + " trades this account)");
        } else {
            try {
                outcome = venue.submit(placed.order().request());
            } catch (RuntimeException e) {
                // A venue adapter must not throw, but if one does the order may have left: doubt, not rejection.
                outcome = new OrderOutcome.Unknown(e.toString());
            }
        }
        count(outcome);
        return trades.applyOutcome(placed.order().id(), outcome, clock.instant().plus(FIRST_LOOKUP));
    }

    /** Orders by outcome and their fills, for /actuator/prometheus. */
    private static void count(OrderOutcome outcome) {
        String name = switch (outcome) {
            case OrderOutcome.Accepted a -> {
                Metrics.counter("recio.fills").increment(a.fills().size());
                yield "accepted";
            }
            case OrderOutcome.Rejected r -> "rejected";
            case OrderOutcome.Unknown u -> "unknown";
        };
        Metrics.counter("recio.orders", "outcome", name).increment();
    }

    private Optional<String> entryBlock(TradeManager.NewTrade intent) {
        TradingState state = gate.state();
        if (!state.entriesAllowed()) {
            return Optional.of(state.why());
        }
        if (!clock.instant().isBefore(intent.marketClose())) {
            return Optional.of("market " + intent.ticker() + " has closed");
        }
        if (trades.marketBlocked(intent.ticker())) {
            return Optional.of(unresolvedMessage(intent.ticker()));
        }
        TradingProperties.Risk risk = properties.risk();
        RiskLimits.Book book = new RiskLimits.Book(trades.live(), trades.realizedSince(startOfDay()),
                board.staleness(intent.ticker().event().symbol(), risk.staleDataLimit()));
        return RiskLimits.check(risk, intent.ticker(), intent.count(), intent.worstPrice(), book);
    }

    private static String unresolvedMessage(MarketTicker ticker) {
        return "an order to " + ticker + " is UNKNOWN; no new order goes there until a lookup settles it";
    }

    Instant startOfDay() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static Duration backoff(int failures) {
        Duration d = FIRST_LOOKUP.multipliedBy(1L << Math.min(failures, 6));
        return d.compareTo(MAX_LOOKUP_BACKOFF) > 0 ? MAX_LOOKUP_BACKOFF : d;
    }
}
