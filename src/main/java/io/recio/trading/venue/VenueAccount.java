package io.recio.trading.venue;

import io.recio.market.Money;
import java.util.List;

/**
 * The venue's view of the account, for reconciliation.
 *
 * @param balance   cash balance
 * @param positions non-zero positions
 * @param fills     recent fills of orders carrying a client order id (keyed by it)
 */
public record VenueAccount(Money balance, List<VenuePosition> positions, List<ClientFill> fills) {

    /** A venue fill with the client order id of its order. */
    public record ClientFill(String clientOrderId, VenueFill fill) {
    }
}
