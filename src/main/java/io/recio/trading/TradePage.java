package io.recio.trading;

import java.util.List;

/**
 * One page of a filtered trade list, newest first.
 *
 * @param trades the trades on this page
 * @param page   its index, from 0
 * @param size   trades per page
 * @param total  how many trades match the filter
 */
public record TradePage(List<Trade> trades, int page, int size, long total) {

    public TradePage {
        trades = List.copyOf(trades);
    }

    /** How many pages the filter fills (at least one, possibly empty). */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
