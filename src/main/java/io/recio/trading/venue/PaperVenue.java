package io.recio.trading.venue;

import io.recio.market.Count;
import io.recio.market.Fees;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.trading.SettlementNotice;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Paper trading: orders fill locally against the live top of book (IOC takes what the best level
 * offers at the worst price or better, FOK all or nothing), with Kalshi's taker fee. Liquidity taken
 * stays taken until the book source shows a new level. Positions and cash are simulated; everything
 * above this venue runs the same code as live.
 */
public final class PaperVenue implements OrderVenue {

    private final Function<MarketTicker, Optional<TopOfBook>> books;
    private final Clock clock;
    private final Map<String, OrderOutcome.Accepted> orders = new HashMap<>();
    private final Map<String, List<VenueFill>> fillsByOrder = new HashMap<>();
    private final Map<String, Side> sides = new HashMap<>();
    private final List<SettlementNotice> settlements = new ArrayList<>();
    private final Map<MarketTicker, Long> positions = new HashMap<>();
    private final Map<MarketTicker, Map<String, Long>> taken = new HashMap<>();
    private long balance;
    private long sequence;

    public PaperVenue(Function<MarketTicker, Optional<TopOfBook>> books, Money startingBalance, Clock clock) {
        this.books = books;
        this.clock = clock;
        this.balance = startingBalance.units();
    }

    @Override
    public String name() {
        return "paper";
    }

    @Override
    public synchronized OrderOutcome submit(OrderRequest request) {
        OrderOutcome.Accepted existing = orders.get(request.clientOrderId());
        if (existing != null) {
            return existing;
        }
        Optional<TopOfBook> book = books.apply(request.ticker());
        if (book.isEmpty()) {
            return new OrderOutcome.Rejected("market_not_found", "no book for " + request.ticker());
        }
        TopOfBook top = book.get();
        boolean buy = request.action() == OrderAction.BUY;
        Price price = buy ? top.ask(request.side()) : top.bid(request.side());
        String level = request.side() + (buy ? ":ask:" : ":bid:") + price.units();
        long levelSize = (buy ? top.askSize(request.side()) : top.bidSize(request.side())).units();
        long available = Math.max(0, levelSize - taken.getOrDefault(request.ticker(), Map.of()).getOrDefault(level, 0L));
        boolean priceOk = buy ? price.compareTo(request.worstPrice()) <= 0 : price.compareTo(request.worstPrice()) >= 0;
        long wanted = request.count().units();
        if (request.reduceOnly()) {
            wanted = Math.min(wanted, held(request.ticker(), request.side()));
        }
        long fill = priceOk ? Math.min(wanted, available) : 0;
        if (request.timeInForce() == TimeInForce.FOK && fill < request.count().units()) {
            fill = 0;
        }
        List<VenueFill> fills = new ArrayList<>();
        if (fill > 0) {
            Count count = new Count(fill);
            Money fee = Fees.takerFee(count, price);
            fills.add(new VenueFill("paper-fill-" + (++sequence), count, price, fee, clock.instant()));
            taken.computeIfAbsent(request.ticker(), t -> new HashMap<>()).merge(level, fill, Long::sum);
            long signed = request.side() == Side.YES ? fill : -fill;
            positions.merge(request.ticker(), buy ? signed : -signed, Long::sum);
            long cost = Money.cost(count, price).units();
            balance += (buy ? -cost : cost) - fee.units();
        }
        OrderOutcome.Accepted accepted = new OrderOutcome.Accepted("paper-order-" + (++sequence), fills);
        orders.put(request.clientOrderId(), accepted);
        fillsByOrder.put(request.clientOrderId(), fills);
        sides.put(request.clientOrderId(), request.side());
        return accepted;
    }

    /** Forgets the liquidity taken from a market, because its book changed. */
    public synchronized void bookChanged(MarketTicker ticker) {
        taken.remove(ticker);
    }

    /** Pays out a settled market: $1 per contract of the winning side. */
    public synchronized void settle(SettlementNotice notice) {
        Long position = positions.remove(notice.ticker());
        if (position == null) {
            return;
        }
        settlements.add(notice);
        boolean yesHeld = position > 0;
        boolean wins = (notice.result() == Side.YES) == yesHeld;
        if (wins) {
            balance += Money.cost(new Count(Math.abs(position)), Price.ONE).units();
        }
        balance -= notice.fee().units();
    }

    @Override
    public synchronized OrderLookup lookup(OrderRequest request) {
        OrderOutcome.Accepted order = orders.get(request.clientOrderId());
        return order == null ? new OrderLookup.NotFound() : new OrderLookup.Found(order);
    }

    @Override
    public synchronized VenueAccount account(Collection<MarketTicker> fillsOf) {
        List<VenuePosition> open = positions.entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> new VenuePosition(e.getKey(), new Count(e.getValue()))).toList();
        List<VenueAccount.ClientFill> fills = fillsByOrder.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(f -> new VenueAccount.ClientFill(e.getKey(), null,
                        sides.get(e.getKey()) == Side.YES ? f : new VenueFill(f.fillId(), f.count(),
                                f.price().complement(), f.fee(), f.at())))).toList();
        return new VenueAccount(new Money(balance), open, fills, List.copyOf(settlements));
    }

    private long held(MarketTicker ticker, Side side) {
        long position = positions.getOrDefault(ticker, 0L);
        return side == Side.YES ? Math.max(0, position) : Math.max(0, -position);
    }
}
