package io.recio.trading;

import java.util.Optional;
import java.util.function.Consumer;

/** Every trade recorded, for the console's History, its summary and its CSV export. */
public interface TradeHistory {

    /** The most trades one page may hold. */
    int MAX_PAGE_SIZE = 200;

    /** One page of the trades matching {@code filter}, newest first. */
    TradePage page(TradeFilter filter, int page, int size);

    /** What the trades matching {@code filter} came to. */
    TradeSummary summary(TradeFilter filter);

    /** Calls {@code sink} with every trade matching {@code filter}, oldest first, without loading all at once. */
    void forEach(TradeFilter filter, Consumer<Trade> sink);

    /** One trade with its orders, fills and log. */
    Optional<TradeDetail> detail(long tradeId);
}
