package io.recio.trading.internal;

import io.recio.feeds.PriceTick;
import io.recio.market.Side;
import io.recio.market.Symbol;
import io.recio.ops.ManagedService;
import io.recio.ops.ServiceContext;
import io.recio.ops.ServiceName;
import io.recio.trading.StrikeView;
import io.recio.trading.Trade;
import io.recio.trading.TradingMode;
import io.recio.trading.TradingState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * REC.IO's auto_entry_supervisor: on every scan, each side of each live strike goes through the
 * {@link EntryGates}; a side that passes is bought (IOC at the current ask, size = position size ×
 * multiplier) through the executor, which still applies the risk limits. The spike alert follows
 * every price tick; it and the cooldowns are persisted. A managed service: its duty cycle is one scan a second
 * while trading is not HALTED (the executor refuses entries unless it is ACTIVE).
 */
@Service
public class AutoEntrySupervisor implements ManagedService {

    private final MarketBoard board;
    private final TradeSettingsStore settings;
    private final AutoEntryState state;
    private final TradeManager trades;
    private final TradeExecutor executor;
    private final TradingGate gate;
    private final TradingProperties properties;
    private final Clock clock;
    private final TradingPasses passes;
    private final Map<Symbol, SpikeAlert> spikes = new EnumMap<>(Symbol.class);
    private volatile ServiceContext context;

    public AutoEntrySupervisor(MarketBoard board, TradeSettingsStore settings, AutoEntryState state,
                               TradeManager trades, TradeExecutor executor, TradingGate gate,
                               TradingProperties properties, Clock clock, TradingPasses passes) {
        this.passes = passes;
        this.board = board;
        this.settings = settings;
        this.state = state;
        this.trades = trades;
        this.executor = executor;
        this.gate = gate;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public ServiceName name() {
        return ServiceName.AUTO_ENTRY_SUPERVISOR;
    }

    @Override
    public List<ServiceName> dependencies() {
        return List.of(ServiceName.TRADE_EXECUTOR, ServiceName.UNIFIED_PRODUCTION_COORDINATOR,
                ServiceName.symbolPriceWatchdog(Symbol.BTC), ServiceName.symbolPriceWatchdog(Symbol.ETH));
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
        passes.runUnlessHalted(context, () -> {
            scan();
            context.detail("status", status().name());
        });
        return 0;
    }

    @Override
    public void stop() {
        // the spike alert and cooldowns are persisted as they change
    }

    /** Follows momentum: the spike alert of the tick's symbol moves, and is saved when it changes. */
    @EventListener
    public synchronized void onTick(PriceTick tick) {
        SpikeAlert before = spike(tick.symbol());
        SpikeAlert after = before.next(tick.momentum(), tick.at(), settings.of(properties.user()));
        if (!after.equals(before)) {
            spikes.put(tick.symbol(), after);
            state.saveSpike(properties.user(), tick.symbol(), after);
        }
    }

    public synchronized SpikeAlert spike(Symbol symbol) {
        return spikes.computeIfAbsent(symbol, s -> state.spike(properties.user(), s));
    }

    /** The supervisor's status now. */
    public AutoEntryStatus status() {
        return status(gate.state());
    }

    /**
     * The supervisor's status in the trading state given. When the database does not answer (the settings and the
     * spike alert are stored there) it says what the state allows: PAUSED while REDUCING, INACTIVE while HALTED.
     */
    public AutoEntryStatus status(TradingState trading) {
        TradeSettings s;
        boolean spiking = false;
        try {
            s = settings.of(properties.user());
            if (!s.autoEntryEnabled()) {
                return AutoEntryStatus.DISABLED;
            }
            for (Symbol symbol : Symbol.values()) {
                spiking |= spike(symbol).alert();
            }
        } catch (DataAccessException e) {
            return switch (trading.mode()) {
                case HALTED -> AutoEntryStatus.INACTIVE;
                case REDUCING -> AutoEntryStatus.PAUSED;
                case ACTIVE -> throw e;
            };
        }
        TradingMode mode = trading.mode();
        if (spiking || mode == TradingMode.REDUCING) {
            return AutoEntryStatus.PAUSED;
        }
        if (mode == TradingMode.HALTED) {
            return AutoEntryStatus.INACTIVE;
        }
        Instant now = clock.instant();
        boolean inWindow = board.strikes().stream().anyMatch(v -> {
            long left = Duration.between(now, v.close()).toSeconds();
            return left >= s.minTimeSeconds() && left <= s.maxTimeSeconds();
        });
        return inWindow ? AutoEntryStatus.ACTIVE : AutoEntryStatus.INACTIVE;
    }

    /** One pass over every strike on the board; returns the trades it sent. */
    public List<ExecutionResult> scan() {
        TradeSettings s = settings.of(properties.user());
        List<ExecutionResult> sent = new ArrayList<>();
        if (!s.autoEntryEnabled()) {
            return sent;
        }
        List<Trade> live = trades.live();
        for (StrikeView view : board.strikes()) {
            for (Side side : Side.values()) {
                Instant now = clock.instant();
                EntryGates.Decision d = decide(view, side, s, EntryScan.holding(live, view.ticker(), side), now);
                if (d.enter()) {
                    ExecutionResult r = executor.enter(EntryScan.intent(properties.user(), view, side, s,
                            board.momentum(view.ticker().event().symbol())));
                    if (r instanceof ExecutionResult.Sent) {
                        state.entered(properties.user(), view.ticker(), side, now);
                    }
                    sent.add(r);
                }
            }
        }
        return sent;
    }

    /** The gates for one side of one strike with the persisted spike and cooldown state. */
    public EntryGates.Decision decide(StrikeView view, Side side, TradeSettings s, boolean holding, Instant now) {
        if (!s.autoEntryEnabled()) {
            return EntryGates.evaluate(view, side, s, SpikeAlert.CLEAR, null, holding, now);
        }
        return EntryGates.evaluate(view, side, s, spike(view.ticker().event().symbol()),
                state.lastEntry(properties.user(), view.ticker(), side), holding, now);
    }
}
