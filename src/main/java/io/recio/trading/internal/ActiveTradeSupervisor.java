package io.recio.trading.internal;

import io.recio.market.Fees;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Symbol;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import io.recio.trading.ActiveTrade;
import io.recio.trading.ActiveTradesUpdated;
import io.recio.trading.CloseMethod;
import io.recio.trading.SettlementNotice;
import io.recio.trading.StrikeView;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import io.recio.trading.venue.OrderVenue;
import io.recio.trading.venue.PaperVenue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * REC.IO's active_trade_supervisor: every pass, each open trade is valued live (probability of its
 * side, the price it could close at, unrealized PnL, distance to strike, time held), the auto-stop
 * rules run, the result is published; trades past their market's close expire; the daily loss limit
 * trips the kill switch. Settlements arriving from the venue settle expired trades. A managed
 * service: its duty cycle is one pass a second while trading is not HALTED.
 */
@Service
public class ActiveTradeSupervisor implements ManagedService {

    private final TradeManager trades;
    private final TradeExecutor executor;
    private final MarketBoard board;
    private final TradeSettingsStore settings;
    private final KillSwitch killSwitch;
    private final TradingProperties properties;
    private final ApplicationEventPublisher events;
    private final OrderVenue venue;
    private final Clock clock;
    private final TradingPasses passes;
    private volatile List<ActiveTrade> latest = List.of();
    private volatile ServiceContext context;

    public ActiveTradeSupervisor(TradeManager trades, TradeExecutor executor, MarketBoard board,
                                 TradeSettingsStore settings, KillSwitch killSwitch, TradingProperties properties,
                                 ApplicationEventPublisher events, OrderVenue venue, Clock clock,
                                 TradingPasses passes) {
        this.passes = passes;
        this.trades = trades;
        this.executor = executor;
        this.board = board;
        this.settings = settings;
        this.killSwitch = killSwitch;
        this.properties = properties;
        this.events = events;
        this.venue = venue;
        this.clock = clock;
    }

    @Override
    public ServiceName name() {
        return ServiceName.ACTIVE_TRADE_SUPERVISOR;
    }

    @Override
    public List<ServiceName> dependencies() {
        return List.of(ServiceName.TRADE_MANAGER, ServiceName.TRADE_EXECUTOR);
    }

    @Override
    public boolean criticalToTrading() {
        return true;
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
    }

    @Override
    public Duration dutyCycle() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int doWork(Instant now) {
        passes.runUnlessHalted(context, this::pass);
        return 0;
    }

    @Override
    public void stop() {
        // nothing held between passes
    }

    /** The last pass's view of every live trade (PENDING, OPEN, CLOSING, EXPIRED). */
    public List<ActiveTrade> active() {
        return latest;
    }

    /** Expiry, valuation, auto-stop and automatic kill-switch checks; returns the trades it tried to close. */
    public List<ExecutionResult> pass() {
        Instant now = clock.instant();
        trades.expire(now, board::spot);
        checkAutomaticKill();
        TradeSettings s = settings.of(properties.user());
        List<ActiveTrade> views = new ArrayList<>();
        List<ExecutionResult> closes = new ArrayList<>();
        Set<Long> unknown = trades.unresolvedOrders().stream().filter(o -> o.status() == OrderStatus.UNKNOWN)
                .map(TradeOrder::tradeId).collect(Collectors.toSet());
        for (Trade t : trades.live()) {
            Optional<StrikeView> view = board.strike(t.ticker());
            if (t.status() == TradeStatus.OPEN) {
                stopIfDue(t, view, s, now).ifPresent(closes::add);
            }
            views.add(value(t, view, now, unknown.contains(t.id())));
        }
        latest = List.copyOf(views);
        events.publishEvent(new ActiveTradesUpdated(latest, now));
        return closes;
    }

    /** Runs the auto-stop rules on an OPEN trade; answers the close it sent, if any. */
    private Optional<ExecutionResult> stopIfDue(Trade t, Optional<StrikeView> view, TradeSettings s, Instant now) {
        Double probability = view.map(v -> v.probability(t.side())).orElse(null);
        AutoStop.Decision d = AutoStop.decide(t, probability, board.momentum(t.symbol()), s,
                trades.stopPendingSince(t.id()).orElse(null), now);
        switch (d) {
            case AutoStop.Decision.Hold h -> {
                if (trades.stopPendingSince(t.id()).isPresent()) {
                    trades.markStopPending(t.id(), null);
                }
            }
            case AutoStop.Decision.Verify v -> trades.markStopPending(t.id(), v.since());
            case AutoStop.Decision.Close c -> {
                Price worst = view.map(v -> worstExit(v.bid(t.side()))).orElse(new Price(100));
                return Optional.of(executor.close(t.id(), CloseMethod.AUTO, "auto-stop: " + c.reason(), worst));
            }
        }
        return Optional.empty();
    }

    /** The live view of one trade. */
    ActiveTrade value(Trade t, Optional<StrikeView> view, Instant now, boolean outcomeUnknown) {
        Double probability = view.map(v -> v.probability(t.side())).orElse(null);
        Price bid = view.map(v -> v.bid(t.side())).orElse(null);
        Money unrealized = null;
        if (bid != null && t.entryPrice() != null && !t.remaining().isZero()) {
            Money proceeds = Money.cost(t.remaining(), bid).minus(Fees.takerFee(t.remaining(), bid));
            unrealized = proceeds.minus(Money.cost(t.remaining(), t.entryPrice()));
        }
        Double distance = board.spot(t.symbol()).map(sp -> (sp.units() - t.strike().units()) / 10_000.0).orElse(null);
        Duration held = t.openedAt() == null ? Duration.ZERO : Duration.between(t.openedAt(), now);
        return new ActiveTrade(t, probability, bid, unrealized, distance, held, Duration.between(now, t.marketClose()),
                outcomeUnknown);
    }

    /** The worst price an exit accepts: the bid less the configured slippage, never below 1¢. */
    public Price worstExit(Price bid) {
        return worstExit(bid, properties.exitSlippageCents());
    }

    /** The worst price an exit accepts with {@code slippageCents} of slippage below the bid, never below 1¢. */
    public static Price worstExit(Price bid, int slippageCents) {
        return new Price(Math.max(100, bid.units() - slippageCents * 100L));
    }

    /** Closes every open trade (kill switch with flatten); returns the results. */
    public List<ExecutionResult> flattenAll(String reason) {
        List<ExecutionResult> results = new ArrayList<>();
        for (Trade t : trades.withStatus(TradeStatus.OPEN)) {
            Price worst = board.strike(t.ticker()).map(v -> worstExit(v.bid(t.side()))).orElse(new Price(100));
            results.add(executor.close(t.id(), CloseMethod.AUTO, reason, worst));
        }
        return results;
    }

    /** Kalshi settled a market (from the account sync): expired trades in it settle with the real payout. */
    @EventListener
    public void onSettlement(SettlementNotice notice) {
        trades.expire(clock.instant(), board::spot);
        if (venue instanceof PaperVenue paper) {
            paper.settle(notice);
        }
        trades.settle(notice);
    }

    /** The daily loss limit trips the kill switch (stale data suspends trading through ops instead). */
    private void checkAutomaticKill() {
        Money loss = trades.realizedSince(executor.startOfDay()).negate();
        Money limit = Money.ofCents(properties.risk().dailyLossLimit() * 100);
        if (loss.compareTo(limit) >= 0) {
            killSwitch.engage("daily loss " + loss + " reached the limit " + limit);
        }
    }
}
