package io.recio.trading.venue;

import io.recio.market.MarketTicker;
import java.util.Collection;
import java.util.Optional;

/**
 * Trading's port to wherever orders go: Kalshi (live or demo), the local paper simulation, or a test
 * fake. Implementations never throw for venue trouble: they answer {@link OrderOutcome.Unknown} or
 * {@link OrderLookup.Failed}.
 */
public interface OrderVenue {

    /** A short name for logs and health ("kalshi-demo", "paper", ...). */
    String name();

    /**
     * The account orders go to, named the same by every instance that sends to it: the trading lease is held per
     * account. Empty while it is not known yet. A venue that is one account (paper) is named by {@link #name()}.
     */
    default Optional<String> accountKey() {
        return Optional.of(name());
    }

    /** Sends the order. A duplicate client order id must be answered as the existing order (Kalshi's 409 → lookup). */
    OrderOutcome submit(OrderRequest request);

    /** Looks the order sent as {@code request} up by its client order id; fills come priced in its side. */
    OrderLookup lookup(OrderRequest request);

    /** The account as the venue sees it, with the fills of the markets named (those recio holds or held). */
    VenueAccount account(Collection<MarketTicker> fillsOf) throws VenueUnavailableException;
}
