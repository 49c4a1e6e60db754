package io.recio.kalshi.internal;

import io.recio.kalshi.ExchangeStatus;
import io.recio.kalshi.KalshiBalance;
import io.recio.kalshi.KalshiException;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiPosition;
import io.recio.kalshi.KalshiSettlement;
import io.recio.kalshi.KalshiTrading;
import io.recio.kalshi.OrderOutcome;
import io.recio.kalshi.OrderRequest;
import io.recio.kalshi.client.KalshiRestClient;
import io.recio.market.Count;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** {@link KalshiTrading} over the REST client of the configured environment. */
@Component
class DefaultKalshiTrading implements KalshiTrading {

    private final KalshiConnector connector;

    DefaultKalshiTrading(KalshiConnector connector) {
        this.connector = connector;
    }

    private KalshiRestClient rest() {
        try {
            return connector.rest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KalshiException(0, "interrupted", "interrupted while waiting for the Kalshi endpoint", null, e);
        }
    }

    @Override
    public OrderOutcome place(OrderRequest request) {
        return rest().createOrder(request);
    }

    @Override
    public Optional<KalshiOrder> findOrderByClientId(String ticker, String clientOrderId) {
        return rest().findOrderByClientId(ticker, clientOrderId);
    }

    @Override
    public KalshiOrder order(String orderId) {
        return rest().order(orderId);
    }

    @Override
    public Count cancel(String orderId, String ticker) {
        return rest().cancelOrder(orderId, ticker);
    }

    @Override
    public KalshiBalance balance() {
        return rest().balance();
    }

    @Override
    public List<KalshiPosition> positions() {
        try (Stream<KalshiPosition> s = rest().positions()) {
            return s.toList();
        }
    }

    @Override
    public List<KalshiOrder> restingOrders() {
        try (Stream<KalshiOrder> s = rest().orders(null, "resting")) {
            return s.toList();
        }
    }

    @Override
    public List<KalshiFill> fills(String ticker) {
        try (Stream<KalshiFill> s = rest().fills(ticker)) {
            return s.toList();
        }
    }

    @Override
    public List<KalshiSettlement> settlements() {
        try (Stream<KalshiSettlement> s = rest().settlements()) {
            return s.toList();
        }
    }

    @Override
    public ExchangeStatus exchangeStatus() {
        return rest().exchangeStatus();
    }

    @Override
    public Optional<String> accountKey() {
        try {
            return Optional.of("kalshi key " + connector.endpoint().credentials().keyFingerprint());
        } catch (KalshiException | IllegalArgumentException e) {
            // no key yet, or the configured key file unreadable: no account to name
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> marketResult(String ticker) {
        String result = rest().market(ticker).result();
        return result == null || result.isBlank() ? Optional.empty() : Optional.of(result);
    }
}
