package io.recio.trading;

import io.recio.feeds.PriceTick;
import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.trading.internal.ActiveTradeSupervisor;
import io.recio.trading.internal.AutoStop;
import io.recio.trading.internal.EntryGates;
import io.recio.trading.internal.EntryScan;
import io.recio.trading.internal.RiskLimits;
import io.recio.trading.internal.SpikeAlert;
import io.recio.trading.internal.TradeManager;
import io.recio.trading.internal.TradeSettings;
import io.recio.trading.venue.ClientOrderIds;
import io.recio.trading.venue.OrderAction;
import io.recio.trading.venue.OrderOutcome;
import io.recio.trading.venue.OrderRequest;
import io.recio.trading.venue.OrderVenue;
import io.recio.trading.venue.TimeInForce;
import io.recio.trading.venue.VenueFill;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One account traded by the supervisors' rules with its trades held in memory, for a backtest: each
 * pass runs what the active-trade supervisor runs (expiry, the daily-loss kill switch, the auto-stop
 * rules, exits as reduce-only IOC sells at the bid less the slippage) and then the auto-entry scan (the
 * spike alert, the entry gates, the cooldown, the risk limits, IOC buys at the ask), sending orders to an
 * {@link OrderVenue} and moving trades through the same states with the same PnL arithmetic as the
 * trade manager. The kill switch, which a person releases live, releases at the next UTC day here.
 * Not thread-safe: one replay drives it.
 */
public final class SimulatedAccount {

    private final TradeSettings s;
    private final StrategySettings settings;
    private final OrderVenue venue;
    private final String user;
    private final Map<Symbol, SpikeAlert> spikes = new EnumMap<>(Symbol.class);
    private final Map<EntryKey, Instant> lastEntries = new HashMap<>();
    private final Map<Long, Instant> stopPending = new HashMap<>();
    private final List<Held> live = new ArrayList<>();
    private final List<Trade> finished = new ArrayList<>();
    private final Map<String, Integer> blocked = new LinkedHashMap<>();
    private long nextId = 1;
    /** The live trades as records, rebuilt after any trade moves (every change of a trade ends in a move). */
    private List<Trade> liveView;
    /** The current UTC day as [start, end) epoch seconds: a pass every second compares, not converts. */
    private long dayStart = Long.MAX_VALUE;
    private long dayEnd = Long.MIN_VALUE;
    private long realizedToday;
    private boolean killed;
    private int killTrips;

    public SimulatedAccount(StrategySettings settings, OrderVenue venue, String user) {
        this.settings = settings;
        this.s = settings.trade();
        this.venue = venue;
        this.user = user;
    }

    /** Follows momentum as the auto-entry supervisor does on every price tick: the spike alert moves. */
    public void onTick(PriceTick tick) {
        spikes.put(tick.symbol(), spike(tick.symbol()).next(tick.momentum(), tick.at(), s));
    }

    /** Whether a spike alert pauses entries on {@code symbol} now. */
    public boolean spiking(Symbol symbol) {
        return spike(symbol).alert();
    }

    /**
     * One supervisor pass at {@code now}: expiry, the daily-loss kill switch, auto-stop, then the entry scan
     * over {@code views} (in their order).
     *
     * @param views the strike rows trading sees now, by market
     * @param ticks the latest price tick per symbol (momentum, spot)
     */
    public void pass(Instant now, Map<MarketTicker, StrikeView> views, Function<Symbol, PriceTick> ticks) {
        rollDay(now);
        expire(now, ticks);
        Money limit = Money.ofCents(settings.risk().dailyLossLimit() * 100);
        if (!killed && new Money(-realizedToday).compareTo(limit) >= 0) {
            killed = true;
            killTrips++;
        }
        for (Held h : List.copyOf(live)) {
            if (h.status == TradeStatus.OPEN) {
                stopIfDue(h, views.get(h.ticker), momentum(ticks, h.ticker.event().symbol()), now);
            }
        }
        if (!s.autoEntryEnabled() || killed || views.isEmpty()) {
            return;
        }
        List<Trade> liveTrades = liveTrades();
        for (StrikeView view : views.values()) {
            for (Side side : Side.values()) {
                if (!couldEnter(view, side, now)) {
                    continue;
                }
                EntryGates.Decision d = decide(view, side, EntryScan.holding(liveTrades, view.ticker(), side), now);
                if (d.enter()) {
                    TradeManager.NewTrade intent = EntryScan.intent(user, view, side, s,
                            momentum(ticks, view.ticker().event().symbol()));
                    if (enter(intent, liveTrades, now)) {
                        lastEntries.put(key(view.ticker(), side), now);
                        liveTrades = liveTrades();
                    }
                }
            }
        }
    }

    /** The entry gates for one side of one strike with this account's spike alert and cooldowns. */
    public EntryGates.Decision decide(StrikeView view, Side side, boolean holding, Instant now) {
        return EntryGates.evaluate(view, side, s, spike(view.ticker().event().symbol()),
                lastEntries.get(key(view.ticker(), side)), holding, now);
    }

    /**
     * Whether the entry gates would take this side of this strike with no cooldown running and nothing held on it:
     * the gates' most permissive answer (those two are the last gates and can only refuse), so a side it refuses is
     * refused by {@link #decide} too, without looking up the cooldown or the trades held.
     */
    public boolean couldEnter(StrikeView view, Side side, Instant now) {
        return EntryGates.refusal(view, side, s, spike(view.ticker().event().symbol()), null, false, now) == null;
    }

    /** The market settled: its expired trades settle with $1 per contract of the winning side. */
    public void settle(MarketTicker ticker, Side result, Instant now) {
        rollDay(now);
        for (Iterator<Held> it = live.iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (h.status != TradeStatus.EXPIRED || !h.ticker.equals(ticker)) {
                continue;
            }
            long payout = h.side == result ? Money.cost(h.remaining(), Price.ONE).units() : 0;
            h.payout = payout;
            finish(h, TradeStatus.SETTLED, TradeManager.pnl(payout, h.proceeds, h.cost, h.fees), now);
            it.remove();
        }
    }

    /**
     * Whether the entry scan of a pass at {@code now} could enter anything on {@code symbol}: auto-entry is on, no
     * spike alert pauses it and the daily-loss kill switch is not engaged for today. When it is false every strike is
     * refused before its probability matters, so a replay need not price the strikes for the scan.
     */
    public boolean mayEnter(Symbol symbol, Instant now) {
        return s.autoEntryEnabled() && !spiking(symbol)
                && !(killed && sameDay(now));
    }

    /** The markets of the trades that hold contracts now (auto-stop watches them); a market may repeat. */
    public List<MarketTicker> openMarkets() {
        if (live.isEmpty()) {
            return List.of();
        }
        List<MarketTicker> markets = new ArrayList<>(live.size());
        for (Held h : live) {
            if (h.status == TradeStatus.OPEN) {
                markets.add(h.ticker);
            }
        }
        return markets;
    }

    /** Every trade: finished ones in the order they finished, then the live ones. */
    public List<Trade> trades() {
        List<Trade> all = new ArrayList<>(finished);
        all.addAll(liveTrades());
        return all;
    }

    /** Trades not final yet (pending, open, closing, expired). */
    public List<Trade> liveTrades() {
        if (liveView == null) {
            List<Trade> out = new ArrayList<>(live.size());
            for (Held h : live) {
                out.add(h.view());
            }
            liveView = List.copyOf(out);
        }
        return liveView;
    }

    /** Entries the risk limits refused, by the limit's message without its figures. */
    public Map<String, Integer> blockedEntries() {
        return Map.copyOf(blocked);
    }

    /** How many times the daily loss limit tripped the kill switch. */
    public int killSwitchTrips() {
        return killTrips;
    }

    /** The at-cost exposure of what is held now. */
    public Money exposure() {
        long total = 0;
        for (Held h : live) {
            if (h.status != TradeStatus.EXPIRED || !h.remaining().isZero()) {
                total += Money.cost(h.remaining(), h.entryPrice()).units();
            }
        }
        return new Money(total);
    }

    private boolean enter(TradeManager.NewTrade n, List<Trade> liveTrades, Instant now) {
        if (!now.isBefore(n.marketClose())) {
            return false;
        }
        Optional<String> block = RiskLimits.check(settings.risk(), n.ticker(), n.count(), n.worstPrice(),
                new RiskLimits.Book(liveTrades, new Money(realizedToday), Optional.empty()));
        if (block.isPresent()) {
            blocked.merge(withoutFigures(block.get()), 1, Integer::sum);
            return false;
        }
        Held h = new Held(nextId++, n, now);
        live.add(h);
        OrderOutcome outcome = venue.submit(new OrderRequest(ClientOrderIds.of(h.uid, ++h.attempts), n.ticker(),
                n.side(), OrderAction.BUY, n.count(), n.worstPrice(), n.timeInForce(), false));
        List<VenueFill> fills = fills(outcome);
        for (VenueFill f : fills) {
            h.contracts += f.count().units();
            h.cost += Money.cost(f.count(), f.price()).units();
            h.fees += f.fee().units();
        }
        if (h.contracts == 0) {
            h.rejectReason = outcome instanceof OrderOutcome.Rejected r ? "rejected " + r.code() + ": " + r.message()
                    : "no fill at " + n.worstPrice() + " or better";
            finish(h, TradeStatus.REJECTED, null, now);
            live.remove(h);
        } else {
            move(h, TradeStatus.OPEN);
            h.openedAt = now;
        }
        return true;
    }

    private void stopIfDue(Held h, StrikeView view, double momentum, Instant now) {
        Double probability = view == null ? null : view.probability(h.side);
        AutoStop.Decision d = AutoStop.decide(h.view(), probability, momentum, s, stopPending.get(h.id), now);
        switch (d) {
            case AutoStop.Decision.Hold hold -> stopPending.remove(h.id);
            case AutoStop.Decision.Verify v -> stopPending.put(h.id, v.since());
            case AutoStop.Decision.Close c -> {
                if (now.isBefore(h.marketClose)) {
                    Price worst = view == null ? new Price(100)
                            : ActiveTradeSupervisor.worstExit(view.bid(h.side), settings.exitSlippageCents());
                    close(h, "auto-stop: " + c.reason(), worst, now);
                }
            }
        }
    }

    private void close(Held h, String reason, Price worst, Instant now) {
        move(h, TradeStatus.CLOSING);
        h.closeMethod = CloseMethod.AUTO;
        h.closeReason = reason;
        OrderOutcome outcome = venue.submit(new OrderRequest(ClientOrderIds.of(h.uid, ++h.attempts), h.ticker, h.side,
                OrderAction.SELL, h.remaining(), worst, TimeInForce.IOC, true));
        for (VenueFill f : fills(outcome)) {
            h.closed += f.count().units();
            h.proceeds += Money.cost(f.count(), f.price()).units();
            h.fees += f.fee().units();
        }
        if (h.closed >= h.contracts) {
            stopPending.remove(h.id);
            finish(h, TradeStatus.CLOSED, TradeManager.pnl(0, h.proceeds, h.cost, h.fees), now);
            live.remove(h);
        } else {
            move(h, TradeStatus.OPEN);
        }
    }

    private void expire(Instant now, Function<Symbol, PriceTick> ticks) {
        for (Held h : live) {
            if (h.status == TradeStatus.OPEN && !h.marketClose.isAfter(now)) {
                move(h, TradeStatus.EXPIRED);
                PriceTick tick = ticks.apply(h.ticker.event().symbol());
                h.spotAtClose = tick == null ? null : tick.price();
                h.closeMethod = CloseMethod.EXPIRED;
                stopPending.remove(h.id);
            }
        }
    }

    private void finish(Held h, TradeStatus to, Long pnl, Instant now) {
        move(h, to);
        h.pnl = pnl;
        h.closedAt = now;
        if (pnl != null) {
            realizedToday += pnl;
        }
        finished.add(h.view());
    }

    private void move(Held h, TradeStatus to) {
        liveView = null;
        if (!h.status.canMoveTo(to)) {
            throw new IllegalStateException("trade " + h.id + " cannot move from " + h.status + " to " + to);
        }
        h.status = to;
    }

    /** A risk limit's message with each run of figures ({@code 0-9 . $}) as one {@code #}, to count refusals by limit. */
    static String withoutFigures(String message) {
        StringBuilder b = new StringBuilder(message.length());
        boolean inFigure = false;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            boolean figure = (c >= '0' && c <= '9') || c == '.' || c == '$';
            if (!figure) {
                b.append(c);
            } else if (!inFigure) {
                b.append('#');
            }
            inFigure = figure;
        }
        return b.toString();
    }

    private static List<VenueFill> fills(OrderOutcome outcome) {
        return switch (outcome) {
            case OrderOutcome.Accepted a -> a.fills();
            case OrderOutcome.Rejected r -> List.of();
            case OrderOutcome.Unknown u -> throw new IllegalStateException(
                    "a backtest venue must answer every order definitely, got UNKNOWN: " + u.reason());
        };
    }

    private void rollDay(Instant now) {
        if (!sameDay(now)) {
            dayStart = Math.floorDiv(now.getEpochSecond(), 86_400L) * 86_400L;
            dayEnd = dayStart + 86_400L;
            realizedToday = 0;
            killed = false;
        }
    }

    private boolean sameDay(Instant now) {
        long second = now.getEpochSecond();
        return second >= dayStart && second < dayEnd;
    }

    private SpikeAlert spike(Symbol symbol) {
        return spikes.getOrDefault(symbol, SpikeAlert.CLEAR);
    }

    private static double momentum(Function<Symbol, PriceTick> ticks, Symbol symbol) {
        PriceTick t = ticks.apply(symbol);
        return t == null ? Double.NaN : t.momentum();
    }

    private static EntryKey key(MarketTicker ticker, Side side) {
        return new EntryKey(ticker, side);
    }

    /** A strike and side, for the cooldown. */
    private record EntryKey(MarketTicker ticker, Side side) {
    }

    /** A trade as this account holds it between passes. */
    private static final class Held {
        final long id;
        final String uid;
        final String userId;
        final MarketTicker ticker;
        final SpotPrice strike;
        final Side side;
        final Instant marketClose;
        final Double probAtEntry;
        final Money edgeAtEntry;
        final Double momentumAtEntry;
        final SpotPrice spotAtOpen;
        final Count requested;
        final Price worstEntryPrice;
        final Instant createdAt;
        TradeStatus status = TradeStatus.PENDING;
        int attempts;
        long contracts;
        long cost;
        long closed;
        long proceeds;
        long fees;
        Long payout;
        Long pnl;
        SpotPrice spotAtClose;
        CloseMethod closeMethod;
        String closeReason;
        String rejectReason;
        Instant openedAt;
        Instant closedAt;

        Held(long id, TradeManager.NewTrade n, Instant now) {
            this.id = id;
            this.uid = n.userId() + "-" + id;
            this.userId = n.userId();
            this.ticker = n.ticker();
            this.strike = n.strike();
            this.side = n.side();
            this.marketClose = n.marketClose();
            this.probAtEntry = n.probability();
            this.edgeAtEntry = n.edge();
            this.momentumAtEntry = n.momentum();
            this.spotAtOpen = n.spot();
            this.requested = n.count();
            this.worstEntryPrice = n.worstPrice();
            this.createdAt = now;
        }

        Count remaining() {
            return new Count(contracts - closed);
        }

        Price entryPrice() {
            Long p = TradeManager.averagePrice(cost, contracts);
            return p == null ? worstEntryPrice : new Price(p);
        }

        Trade view() {
            Long entry = TradeManager.averagePrice(cost, contracts);
            Long exit = TradeManager.averagePrice(proceeds, closed);
            return new Trade(id, uid, userId, ticker, strike, side, status, marketClose, probAtEntry, edgeAtEntry,
                    momentumAtEntry, spotAtOpen, spotAtClose, requested, worstEntryPrice, new Count(contracts),
                    entry == null ? null : new Price(entry), new Count(closed), exit == null ? null : new Price(exit),
                    new Money(fees), payout == null ? null : new Money(payout), pnl == null ? null : new Money(pnl),
                    pnl == null ? null : TradeManager.result(pnl), EntryMethod.AUTO, closeMethod, closeReason,
                    rejectReason, createdAt, openedAt, closedAt);
        }
    }
}
