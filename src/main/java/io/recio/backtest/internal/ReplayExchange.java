package io.recio.backtest.internal;

import io.recio.market.Count;
import io.recio.market.Fees;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.simulator.replay.MakerBook;
import io.recio.trading.venue.OrderAction;
import io.recio.trading.venue.OrderLookup;
import io.recio.trading.venue.OrderOutcome;
import io.recio.trading.venue.OrderRequest;
import io.recio.trading.venue.OrderVenue;
import io.recio.trading.venue.TimeInForce;
import io.recio.trading.venue.VenueAccount;
import io.recio.trading.venue.VenueFill;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The backtest's in-process exchange: each second the market makers' ladder of every market (from the
 * simulator's calibrated model) is the whole book; a taker order walks it from the best level to its worst
 * acceptable price, filling partially by depth, each level one fill with Kalshi's taker fee. Depth taken is
 * gone until the makers requote the next second. IOC leaves the rest unfilled; FOK fills all or nothing.
 * Every answer is definite.
 */
final class ReplayExchange implements OrderVenue {

    private final Function<MarketTicker, List<MakerBook.Level>> books;
    private final Map<MarketTicker, long[]> taken = new HashMap<>();
    private final Map<String, OrderOutcome.Accepted> answered = new HashMap<>();
    private Instant now;
    private long fillSequence;

    /** @param books the makers' ladder of a market at the current second */
    ReplayExchange(Function<MarketTicker, List<MakerBook.Level>> books) {
        this.books = books;
    }

    /** Moves to a new second: the makers requote, so depth taken before is offered again. */
    void at(Instant second) {
        if (!second.equals(now)) {
            now = second;
            taken.clear();
        }
    }

    @Override
    public String name() {
        return "backtest";
    }

    @Override
    public OrderOutcome submit(OrderRequest r) {
        OrderOutcome.Accepted previous = answered.get(r.clientOrderId());
        if (previous != null) {
            return previous;
        }
        List<MakerBook.Level> ladder = books.apply(r.ticker());
        // A YES buy or a NO sell takes YES asks; a NO buy or a YES sell takes YES bids.
        boolean takeAsks = (r.side() == Side.YES) == (r.action() == OrderAction.BUY);
        long[] used = taken.computeIfAbsent(r.ticker(), t -> new long[101 * 2]);
        List<MakerBook.Level> levels = new ArrayList<>();
        for (MakerBook.Level l : ladder) {
            if (l.bid() != takeAsks) {
                levels.add(l);
            }
        }
        levels.sort((a, b) -> takeAsks ? Integer.compare(a.priceCents(), b.priceCents())
                : Integer.compare(b.priceCents(), a.priceCents()));
        long wanted = r.count().units();
        List<long[]> plan = new ArrayList<>();
        for (MakerBook.Level l : levels) {
            if (wanted == 0) {
                break;
            }
            long sidePrice = r.side() == Side.YES ? l.priceCents() * 100L : Price.ONE_DOLLAR - l.priceCents() * 100L;
            boolean acceptable = r.action() == OrderAction.BUY ? sidePrice <= r.worstPrice().units()
                    : sidePrice >= r.worstPrice().units();
            if (!acceptable) {
                break;
            }
            int slot = l.priceCents() * 2 + (l.bid() ? 1 : 0);
            long available = l.contracts() * Count.ONE_CONTRACT - used[slot];
            long take = Math.min(wanted, Math.max(0, available));
            if (take > 0) {
                plan.add(new long[] {slot, take, sidePrice});
                wanted -= take;
            }
        }
        if (r.timeInForce() == TimeInForce.FOK && wanted > 0) {
            plan.clear();
        }
        List<VenueFill> fills = new ArrayList<>(plan.size());
        for (long[] p : plan) {
            used[(int) p[0]] += p[1];
            Count count = new Count(p[1]);
            Price price = new Price(p[2]);
            fills.add(new VenueFill("bt-" + (++fillSequence), count, price, Fees.takerFee(count, price), now));
        }
        OrderOutcome.Accepted accepted = new OrderOutcome.Accepted("bt-order-" + r.clientOrderId(), fills);
        answered.put(r.clientOrderId(), accepted);
        return accepted;
    }

    @Override
    public OrderLookup lookup(OrderRequest request) {
        OrderOutcome.Accepted a = answered.get(request.clientOrderId());
        return a == null ? new OrderLookup.NotFound() : new OrderLookup.Found(a);
    }

    @Override
    public VenueAccount account(Collection<MarketTicker> fillsOf) {
        throw new UnsupportedOperationException("a backtest account is reconciled by construction");
    }
}
