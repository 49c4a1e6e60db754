package io.recio.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.recio.feeds.PriceTick;
import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.testsupport.MutableClock;
import io.recio.trading.EntryMethod;
import io.recio.trading.SimulatedAccount;
import io.recio.trading.StrategySettings;
import io.recio.trading.StrikeView;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import io.recio.trading.venue.OrderLookup;
import io.recio.trading.venue.OrderOutcome;
import io.recio.trading.venue.OrderRequest;
import io.recio.trading.venue.OrderVenue;
import io.recio.trading.venue.VenueAccount;
import io.recio.trading.venue.VenueFill;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The backtest's account and the live auto-entry supervisor, fed the same tick sequence (prices with momentum
 * spikes and calm, probabilities crossing the gates, seconds in and out of the window, two strikes), send the
 * same entries at the same seconds: the spike alert, gates, cooldown and "already holding" rule are one code.
 */
class LiveAndBacktestDecideAlikeTest {

    static final MarketTicker LOW = MarketTicker.parse("KXBTCD-26SEP2516-T92799.99");
    static final MarketTicker HIGH = MarketTicker.parse("KXBTCD-26SEP2516-T93799.99");
    static final Instant CLOSE = LOW.event().close();
    static final Instant START = CLOSE.minusSeconds(1500);

    final StrategySettings strategy = StrategySettings.of(Map.of("auto-entry.cooldown-seconds", "30",
            "auto-entry.recovery-minutes", "1", "auto-entry.min-probability", "75", "auto-stop.enabled", "false"));

    @Test
    void theSameTicksLeadToTheSameEntries() {
        List<String> live = live();
        List<String> backtest = backtest();

        assertThat(live).isNotEmpty();
        assertThat(backtest).isEqualTo(live);
    }

    /** Second k of the sequence: momentum spikes at 300–330 s, probabilities drift across 75 %. */
    static PriceTick tick(int k) {
        double momentum = k >= 300 && k < 330 ? 0.5 : 0.05 * Math.sin(k / 40.0);
        return new PriceTick(Symbol.BTC, START.plusSeconds(k), SpotPrice.parse("93300"), Map.of(), momentum,
                SpotPrice.parse("93300"), "test", Duration.ZERO);
    }

    static List<StrikeView> views(int k) {
        Instant at = START.plusSeconds(k);
        double low = 0.70 + 0.10 * Math.sin(k / 90.0);
        double high = 0.30 + 0.10 * Math.cos(k / 70.0);
        return List.of(view(LOW, at, low), view(HIGH, at, high));
    }

    static StrikeView view(MarketTicker ticker, Instant at, double probYes) {
        Price bid = Price.parse("0.50");
        Price ask = Price.parse("0.52");
        return new StrikeView(ticker, ticker.tokenValue(), CLOSE, probYes, bid, ask,
                new Money(Math.round((probYes * 100 - 52 - 1.7472) * 100)),
                new Money(Math.round(((1 - probYes) * 100 - 50 - 1.75) * 100)), Count.ofContracts(5000),
                SpotPrice.parse("93300"), at, false);
    }

    private List<String> live() {
        MutableClock clock = new MutableClock(START);
        MarketBoard board = new MarketBoard(clock);
        TradeSettingsStore settings = mock(TradeSettingsStore.class);
        when(settings.of(anyString())).thenReturn(strategy.trade());
        Map<String, Instant> cooldowns = new HashMap<>();
        AutoEntryState state = mock(AutoEntryState.class);
        when(state.spike(anyString(), any())).thenReturn(SpikeAlert.CLEAR);
        when(state.lastEntry(anyString(), any(), any())).thenAnswer(a -> cooldowns.get(a.getArgument(1) + "|"
                + a.getArgument(2)));
        doAnswer(a -> cooldowns.put(a.getArgument(1) + "|" + a.getArgument(2), a.getArgument(3))).when(state)
                .entered(anyString(), any(), any(), any());
        List<Trade> held = new ArrayList<>();
        TradeManager trades = mock(TradeManager.class);
        when(trades.live()).thenAnswer(a -> List.copyOf(held));
        List<String> entries = new ArrayList<>();
        TradeExecutor executor = mock(TradeExecutor.class);
        when(executor.enter(any())).thenAnswer(a -> {
            TradeManager.NewTrade n = a.getArgument(0);
            entries.add(entry(clock.instant(), n.ticker(), n.side()));
            Trade t = openTrade(held.size() + 1, n, clock.instant());
            held.add(t);
            return new ExecutionResult.Sent(t);
        });
        TradingProperties properties = new TradingProperties("paper", "admin", 10_000, Duration.ofSeconds(60),
                Duration.ofSeconds(10), 5, strategy.risk(), false);
        AutoEntrySupervisor supervisor = new AutoEntrySupervisor(board, settings, state, trades, executor,
                mock(TradingGate.class), properties, clock, mock(TradingPasses.class));
        for (int k = 0; k < 1500; k++) {
            clock.set(START.plusSeconds(k));
            views(k).forEach(board::update);
            board.onTick(tick(k));
            supervisor.onTick(tick(k));
            supervisor.scan();
        }
        return sortedWithinSeconds(entries);
    }

    private List<String> backtest() {
        List<String> entries = new ArrayList<>();
        OrderVenue fillsEverything = new OrderVenue() {
            @Override
            public String name() {
                return "fills-everything";
            }

            @Override
            public OrderOutcome submit(OrderRequest r) {
                return new OrderOutcome.Accepted("v-" + r.clientOrderId(),
                        List.of(new VenueFill("f-" + r.clientOrderId(), r.count(), r.worstPrice(), Money.ZERO, null)));
            }

            @Override
            public OrderLookup lookup(OrderRequest request) {
                return new OrderLookup.NotFound();
            }

            @Override
            public VenueAccount account(Collection<MarketTicker> fillsOf) {
                throw new UnsupportedOperationException();
            }
        };
        SimulatedAccount account = new SimulatedAccount(strategy, fillsEverything, "admin");
        int known = 0;
        for (int k = 0; k < 1500; k++) {
            Instant at = START.plusSeconds(k);
            PriceTick tick = tick(k);
            account.onTick(tick);
            Map<MarketTicker, StrikeView> views = new LinkedHashMap<>();
            views(k).forEach(v -> views.put(v.ticker(), v));
            account.pass(at, views, s -> tick);
            List<Trade> trades = account.trades();
            for (; known < trades.size(); known++) {
                entries.add(entry(at, trades.get(known).ticker(), trades.get(known).side()));
            }
        }
        return sortedWithinSeconds(entries);
    }

    private static String entry(Instant at, MarketTicker ticker, Side side) {
        return at + " " + ticker + " " + side;
    }

    /** Entries in one second may come in either order (the live board is a hash map). */
    private static List<String> sortedWithinSeconds(List<String> entries) {
        return new ArrayList<>(new TreeSet<>(entries));
    }

    private static Trade openTrade(long id, TradeManager.NewTrade n, Instant at) {
        return new Trade(id, "uid-" + id, "admin", n.ticker(), n.strike(), n.side(), TradeStatus.OPEN, n.marketClose(),
                n.probability(), n.edge(), n.momentum(), n.spot(), null, n.count(), n.worstPrice(), n.count(),
                n.worstPrice(), Count.ZERO, null, Money.ZERO, null, null, null, EntryMethod.AUTO, null, null, null, at,
                at, null);
    }
}
