package io.recio.simulator.exchange.internal;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/** One market's single YES book: bids and asks by YES price, each level in time order. */
final class Book {

    /** Aggregate size per price level, in Count units, both sides keyed by YES price units. */
    record Levels(NavigableMap<Long, Long> bids, NavigableMap<Long, Long> asks) {
    }

    private final NavigableMap<Long, Deque<SimOrder>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<Long, Deque<SimOrder>> asks = new TreeMap<>();

    /** The opposite side's levels in matching order (best first). */
    NavigableMap<Long, Deque<SimOrder>> opposite(SimOrder.BookSide side) {
        return side == SimOrder.BookSide.BID ? asks : bids;
    }

    void rest(SimOrder order) {
        NavigableMap<Long, Deque<SimOrder>> levels = order.side == SimOrder.BookSide.BID ? bids : asks;
        levels.computeIfAbsent(order.price.units(), p -> new ArrayDeque<>()).addLast(order);
    }

    void remove(SimOrder order) {
        NavigableMap<Long, Deque<SimOrder>> levels = order.side == SimOrder.BookSide.BID ? bids : asks;
        Deque<SimOrder> level = levels.get(order.price.units());
        if (level != null) {
            level.remove(order);
            if (level.isEmpty()) {
                levels.remove(order.price.units());
            }
        }
    }

    /** Removes and returns every resting order matching {@code filter}. */
    List<SimOrder> removeAll(Predicate<SimOrder> filter) {
        List<SimOrder> removed = new java.util.ArrayList<>();
        for (NavigableMap<Long, Deque<SimOrder>> side : List.of(bids, asks)) {
            for (Iterator<Deque<SimOrder>> levels = side.values().iterator(); levels.hasNext(); ) {
                Deque<SimOrder> level = levels.next();
                for (Iterator<SimOrder> it = level.iterator(); it.hasNext(); ) {
                    SimOrder order = it.next();
                    if (filter.test(order)) {
                        it.remove();
                        removed.add(order);
                    }
                }
                if (level.isEmpty()) {
                    levels.remove();
                }
            }
        }
        return removed;
    }

    Levels levels() {
        return new Levels(aggregate(bids), aggregate(asks));
    }

    private static NavigableMap<Long, Long> aggregate(NavigableMap<Long, Deque<SimOrder>> side) {
        NavigableMap<Long, Long> out = new TreeMap<>();
        side.forEach((price, level) -> {
            long total = level.stream().mapToLong(o -> o.remaining.units()).sum();
            if (total > 0) {
                out.put(price, total);
            }
        });
        return out;
    }
}
