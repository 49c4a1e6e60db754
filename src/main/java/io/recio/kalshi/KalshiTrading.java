package io.recio.kalshi;

import java.util.List;
import java.util.Optional;

/**
 * The order and account API the trading module uses. Order creation never retries on its own (DESIGN.md §7):
 * every outcome other than {@link OrderOutcome.Accepted} and {@link OrderOutcome.Rejected} must be resolved
 * with {@link #findOrderByClientId} before anything else is sent to that market.
 */
public interface KalshiTrading {

    /** Sends one V2 create; never throws for exchange trouble, answers with the outcome. */
    OrderOutcome place(OrderRequest request);

    /** Finds our order with this client_order_id (today's orders of that market), empty when Kalshi has none. */
    Optional<KalshiOrder> findOrderByClientId(String ticker, String clientOrderId);

    /** One order by Kalshi's id. */
    KalshiOrder order(String orderId);

    /** Cancels what rests of an order; answers the contracts removed. */
    io.recio.market.Count cancel(String orderId, String ticker);

    KalshiBalance balance();

    List<KalshiPosition> positions();

    List<KalshiOrder> restingOrders();

    /** Our fills of one market, newest first. */
    List<KalshiFill> fills(String ticker);

    List<KalshiSettlement> settlements();

    ExchangeStatus exchangeStatus();

    /**
     * The account orders go to, the same on every instance that trades it: {@code kalshi key <fingerprint>} of
     * the API key in use (Kalshi key ids are unique across its environments; the simulator's account in demo
     * mode); empty while no key is known yet (the demo simulator has not written its credentials).
     */
    Optional<String> accountKey();

    /**
     * A market's result from the market data ({@code GET /markets/{ticker}}): "yes", "no" or "scalar" once Kalshi
     * has determined it, empty before. Paper trading settles from it: Kalshi publishes no settlement for an
     * account that held nothing.
     */
    Optional<String> marketResult(String ticker);
}
