package io.recio.trading.venue;

import io.recio.market.Money;
import io.recio.trading.SettlementNotice;
import java.util.List;

/**
 * The venue's view of the account, for reconciliation.
 *
 * @param balance   cash balance
 * @param positions non-zero positions
 * @param fills       fills of our orders in the markets asked about
 * @param settlements the venue's settlements of markets the account held
 */
public record VenueAccount(Money balance, List<VenuePosition> positions, List<ClientFill> fills,
                           List<SettlementNotice> settlements) {

    /**
     * A venue fill with the order it belongs to, named by client order id or by the venue's order id
     * (Kalshi's fills carry only the latter). Its price is the YES price: a fill does not say which
     * side the order was placed as (Kalshi reports a YES sell as a NO buy), the local order does.
     */
    public record ClientFill(String clientOrderId, String venueOrderId, VenueFill fill) {
    }
}
