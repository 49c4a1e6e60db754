package io.recio.trading.internal;

import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.trading.StrikeView;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import io.recio.trading.venue.OrderOutcome;
import io.recio.trading.venue.OrderVenue;
import io.recio.trading.venue.VenueAccount;
import io.recio.trading.venue.VenuePosition;
import io.recio.trading.venue.VenueUnavailableException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reconciliation of orders, fills, positions and balance with the venue, at start-up (trading stays
 * off until it succeeds) and periodically. The venue is right: every mismatch is resolved in its
 * favour and raised as an alert.
 */
@Service
public class Reconciler {

    private final TradeManager trades;
    private final TradeExecutor executor;
    private final OrderVenue venue;
    private final AlertLog alerts;
    private final MarketBoard board;
    private final TradingProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PaperSettlement paper;

    public Reconciler(TradeManager trades, TradeExecutor executor, OrderVenue venue, AlertLog alerts,
                      MarketBoard board, TradingProperties properties, JdbcClient jdbc, Clock clock,
                      PaperSettlement paper) {
        this.paper = paper;
        this.trades = trades;
        this.executor = executor;
        this.venue = venue;
        this.alerts = alerts;
        this.board = board;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What one pass found. */
    public record Report(int mismatches, int unresolvedOrders, List<String> findings) {
    }

    /** One pass; throws when the venue cannot be read (the pass did not happen). */
    public synchronized Report reconcile() throws VenueUnavailableException {
        List<String> findings = new ArrayList<>();
        int unresolved = executor.resolveUnknown(true);
        Set<MarketTicker> held = new HashSet<>();
        trades.live().forEach(t -> held.add(t.ticker()));
        VenueAccount account = venue.account(held);
        importMissingFills(account, findings);
        // A trade whose market closed while recio was down is still OPEN: expire it first, so that a settlement
        // the venue made meanwhile settles it with its payout instead of the position check trimming it to nothing.
        trades.expire(clock.instant(), board::spot);
        settleMissed(account, findings);
        if (paper.settleExpired() > 0) {
            account = venue.account(held);
        }
        reconcilePositions(account, findings);
        reconcileBalance(account, findings);
        return new Report(findings.size(), unresolved, findings);
    }

    private void importMissingFills(VenueAccount account, List<String> findings) {
        for (VenueAccount.ClientFill cf : account.fills()) {
            if (trades.hasFill(cf.fill().fillId())) {
                continue;
            }
            Optional<TradeOrder> order = cf.clientOrderId() != null ? trades.orderByClientId(cf.clientOrderId())
                    : trades.orderByVenueId(cf.venueOrderId());
            if (order.isEmpty()) {
                continue;
            }
            Trade trade = trades.get(order.get().tradeId()).orElseThrow();
            String what = "fill " + cf.fill().fillId() + " (" + cf.fill().count() + " at " + cf.fill().price()
                    + ") of order " + order.get().clientOrderId() + " was missing locally";
            if (trade.status().isFinal() || order.get().status().unresolved()) {
                // A final trade cannot take fills; an unresolved order is settled by its own lookup.
                // The position check below adopts whatever the venue holds.
                continue;
            }
            trades.applyOutcome(order.get().id(),
                    new OrderOutcome.Accepted(null, List.of(TradeExecutor.inSide(cf.fill(), order.get()))), null);
            alerts.raise("RECONCILE_FILL", trade.ticker().toString(), what + "; recorded");
            findings.add(what);
        }
    }

    /** Settles expired trades whose settlement event was missed (e.g. recio was down when it came). */
    private void settleMissed(VenueAccount account, List<String> findings) {
        Set<MarketTicker> expired = new HashSet<>();
        trades.withStatus(TradeStatus.EXPIRED).forEach(t -> expired.add(t.ticker()));
        for (io.recio.trading.SettlementNotice n : account.settlements()) {
            if (expired.remove(n.ticker())) {
                trades.settle(n);
                String what = "settlement of " + n.ticker() + " (" + n.result() + ") had not been applied";
                alerts.raise("RECONCILE_SETTLEMENT", n.ticker().toString(), what + "; applied");
                findings.add(what);
            }
        }
    }

    private void reconcilePositions(VenueAccount account, List<String> findings) {
        Map<MarketTicker, Long> local = new HashMap<>();
        Map<MarketTicker, List<Trade>> holders = new HashMap<>();
        List<Trade> live = trades.live();
        Set<MarketTicker> inFlux = new HashSet<>();
        for (TradeOrder o : trades.unresolvedOrders()) {
            inFlux.add(o.ticker());
        }
        for (Trade t : live) {
            if (t.status().holdsContracts()) {
                long signed = t.side() == Side.YES ? t.remaining().units() : -t.remaining().units();
                local.merge(t.ticker(), signed, Long::sum);
                holders.computeIfAbsent(t.ticker(), k -> new ArrayList<>()).add(t);
            }
        }
        Map<MarketTicker, Long> remote = new HashMap<>();
        for (VenuePosition p : account.positions()) {
            remote.merge(p.ticker(), p.position().units(), Long::sum);
        }
        // The account is read call by call: positions listed before the venue settled an event it then lists as
        // settled are gone, and the settlement (applied above) ends the local trades; adopting them would hold
        // positions nobody has (chaos suite, seed 14161).
        Set<MarketTicker> settled = new HashSet<>();
        account.settlements().forEach(n -> settled.add(n.ticker()));
        Set<MarketTicker> tickers = new HashSet<>(local.keySet());
        tickers.addAll(remote.keySet());
        tickers.removeAll(settled);
        for (MarketTicker ticker : tickers) {
            long mine = local.getOrDefault(ticker, 0L);
            long theirs = remote.getOrDefault(ticker, 0L);
            if (mine == theirs || inFlux.contains(ticker)) {
                continue;
            }
            String what = "position in " + ticker + ": local " + new Count(mine) + ", venue " + new Count(theirs);
            resolvePosition(ticker, theirs, holders.getOrDefault(ticker, List.of()));
            alerts.raise("RECONCILE_POSITION", ticker.toString(), what + "; set to the venue's");
            findings.add(what);
        }
    }

    /** Trims local trades (newest first) to what the venue holds, then adopts any surplus the venue holds. */
    private void resolvePosition(MarketTicker ticker, long venuePosition, List<Trade> holders) {
        Side venueSide = venuePosition >= 0 ? Side.YES : Side.NO;
        long venueHeld = Math.abs(venuePosition);
        long keptSameSide = 0;
        List<Trade> newestFirst = holders.stream().sorted(Comparator.comparingLong(Trade::id).reversed()).toList();
        long sameSideTotal = holders.stream().filter(t -> t.side() == venueSide).mapToLong(t -> t.remaining().units()).sum();
        long excess = Math.max(0, sameSideTotal - venueHeld);
        for (Trade t : newestFirst) {
            if (t.status() == TradeStatus.EXPIRED) {
                // its market has closed: the settlement ends its position, whatever the venue lists meanwhile
                keptSameSide += t.side() == venueSide ? t.remaining().units() : 0;
                continue;
            }
            if (t.side() != venueSide || venuePosition == 0) {
                trades.reconcileDown(t.id(), Count.ZERO, "the venue holds no " + t.side() + " in " + ticker);
                continue;
            }
            long held = t.remaining().units();
            long cut = Math.min(held, excess);
            if (cut > 0) {
                trades.reconcileDown(t.id(), new Count(held - cut), "the venue holds " + new Count(venueHeld));
                excess -= cut;
            }
            keptSameSide += held - cut;
        }
        long surplus = venueHeld - keptSameSide;
        if (surplus > 0) {
            Optional<StrikeView> view = board.strike(ticker);
            Price mark = view.map(v -> v.ask(venueSide)).orElse(new Price(Price.ONE_DOLLAR / 2));
            trades.adopt(properties.user(), ticker, venueSide, new Count(surplus), mark,
                    view.map(StrikeView::close).orElse(ticker.event().close()));
        }
    }

    private void reconcileBalance(VenueAccount account, List<String> findings) {
        Marks now = marks();
        Optional<long[]> previous = jdbc.sql("SELECT venue_balance, fill_mark, payout_mark FROM trading.risk_state"
                        + " WHERE id = 1 AND venue_balance IS NOT NULL AND fill_mark IS NOT NULL")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).optional();
        if (previous.isPresent()) {
            long[] p = previous.get();
            long expected = p[0] + fillFlowAfter(p[1]) + (now.payouts() - p[2]);
            if (expected != account.balance().units()) {
                String what = "balance: expected " + new Money(expected) + " from local records, venue "
                        + account.balance();
                alerts.raise("RECONCILE_BALANCE", null, what + "; the venue's is used");
                findings.add(what);
            }
        }
        jdbc.sql("UPDATE trading.risk_state SET venue_balance = ?, fill_mark = ?, payout_mark = ?, reconciled_at = ?"
                        + " WHERE id = 1")
                .params(account.balance().units(), now.lastFill(), now.payouts(), TradeManager.ts(clock.instant()))
                .update();
    }

    /** The newest fill row and the payouts so far. */
    private record Marks(long lastFill, long payouts) {
    }

    private Marks marks() {
        return new Marks(jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM trading.trade_fill").query(Long.class).single(),
                jdbc.sql("SELECT COALESCE(SUM(payout), 0) FROM trading.trade WHERE status = 'SETTLED'")
                        .query(Long.class).single());
    }

    /** Cash moved by fills recorded after row {@code mark}: buys cost, sells pay, fees cost. */
    private long fillFlowAfter(long mark) {
        List<long[]> fills = jdbc.sql("""
                SELECT f.count, f.price, f.fee, CASE WHEN o.action = 'BUY' THEN -1 ELSE 1 END
                FROM trading.trade_fill f JOIN trading.trade_order o ON o.id = f.order_id WHERE f.id > ?""")
                .param(mark)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).list();
        long flow = 0;
        for (long[] f : fills) {
            flow += f[3] * Money.cost(new Count(f[0]), new Price(f[1])).units() - f[2];
        }
        return flow;
    }
}
