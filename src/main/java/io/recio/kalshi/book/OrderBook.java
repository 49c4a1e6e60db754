package io.recio.kalshi.book;

import io.recio.kalshi.client.OrderbookLevels;
import io.recio.market.Count;
import io.recio.market.Price;
import io.recio.market.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One market's book as Kalshi keeps it: YES bids in YES prices and NO bids in NO prices (a NO bid at q is a YES
 * ask at 1−q). Built from a snapshot and kept by deltas; not thread-safe (one owner applies messages in order).
 */
public final class OrderBook {

    private final String ticker;
    private final TreeMap<Long, Long> yes = new TreeMap<>();
    private final TreeMap<Long, Long> no = new TreeMap<>();

    public OrderBook(String ticker) {
        this.ticker = ticker;
    }

    public String ticker() {
        return ticker;
    }

    /** Replaces the whole book. */
    public void reset(OrderbookLevels levels) {
        yes.clear();
        no.clear();
        levels.yes().forEach(l -> put(yes, l.price().units(), l.size().units()));
        levels.no().forEach(l -> put(no, l.price().units(), l.size().units()));
    }

    /**
     * Applies a change of one level. A level that would go negative is a sign of a missed message: the book is
     * left as it was and the caller must re-sync.
     *
     * @return false when the delta does not fit this book
     */
    public boolean apply(Side side, Price price, Count delta) {
        return apply(side, price.units(), delta.units());
    }

    /** {@link #apply(Side, Price, Count)} in raw units (prices in $0.0001, counts in 1/100 contract). */
    public boolean apply(Side side, long priceUnits, long deltaUnits) {
        TreeMap<Long, Long> book = side == Side.YES ? yes : no;
        long size = book.getOrDefault(priceUnits, 0L) + deltaUnits;
        if (size < 0) {
            return false;
        }
        put(book, priceUnits, size);
        return true;
    }

    private static void put(TreeMap<Long, Long> book, long price, long size) {
        if (size == 0) {
            book.remove(price);
        } else {
            book.put(price, size);
        }
    }

    /** Best YES bid, {@link Price#ZERO} when there is none. */
    public Price yesBid() {
        return yes.isEmpty() ? Price.ZERO : new Price(yes.lastKey());
    }

    public Count yesBidSize() {
        return yes.isEmpty() ? Count.ZERO : new Count(yes.lastEntry().getValue());
    }

    /** Best YES ask = 1 − best NO bid, {@link Price#ONE} when there is none. */
    public Price yesAsk() {
        return no.isEmpty() ? Price.ONE : new Price(Price.ONE_DOLLAR - no.lastKey());
    }

    public Count yesAskSize() {
        return no.isEmpty() ? Count.ZERO : new Count(no.lastEntry().getValue());
    }

    /** The book as Kalshi's REST returns it (each side ascending), for comparison and display. */
    public OrderbookLevels levels() {
        return new OrderbookLevels(ticker, levels(yes), levels(no));
    }

    private static List<OrderbookLevels.Level> levels(TreeMap<Long, Long> side) {
        List<OrderbookLevels.Level> out = new ArrayList<>(side.size());
        for (Map.Entry<Long, Long> e : side.entrySet()) {
            out.add(new OrderbookLevels.Level(new Price(e.getKey()), new Count(e.getValue())));
        }
        return List.copyOf(out);
    }
}
