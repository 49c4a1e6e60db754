package io.recio.trading.internal.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.kalshi.BookSide;
import io.recio.kalshi.ExchangeStatus;
import io.recio.kalshi.KalshiBalance;
import io.recio.kalshi.KalshiException;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiPosition;
import io.recio.kalshi.KalshiSettlement;
import io.recio.kalshi.KalshiTrading;
import io.recio.kalshi.OrderStatus;
import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.trading.venue.OrderAction;
import io.recio.trading.venue.OrderLookup;
import io.recio.trading.venue.OrderOutcome;
import io.recio.trading.venue.OrderRequest;
import io.recio.trading.venue.TimeInForce;
import io.recio.trading.venue.VenueAccount;
import io.recio.trading.venue.VenuePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KalshiOrderVenueTest {

    static final MarketTicker T = MarketTicker.parse("KXBTCD-26SEP2516-T92799.99");
    static final Instant AT = Instant.parse("2026-09-25T19:50:00Z");

    /** A KalshiTrading whose answers the test sets. */
    static final class FakeKalshi implements KalshiTrading {
        io.recio.kalshi.OrderOutcome placeAnswer;
        io.recio.kalshi.OrderRequest placed;
        Optional<KalshiOrder> found = Optional.empty();
        List<KalshiFill> fills = new ArrayList<>();
        List<KalshiPosition> positions = new ArrayList<>();
        RuntimeException failure;

        @Override
        public io.recio.kalshi.OrderOutcome place(io.recio.kalshi.OrderRequest request) {
            placed = request;
            return placeAnswer;
        }

        @Override
        public Optional<KalshiOrder> findOrderByClientId(String ticker, String clientOrderId) {
            if (failure != null) {
                throw failure;
            }
            return found;
        }

        @Override
        public KalshiOrder order(String orderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Count cancel(String orderId, String ticker) {
            throw new UnsupportedOperationException();
        }

        @Override
        public KalshiBalance balance() {
            return new KalshiBalance(Money.parse("123.45"), Money.ZERO, Map.of(), AT);
        }

        @Override
        public List<KalshiPosition> positions() {
            if (failure != null) {
                throw failure;
            }
            return positions;
        }

        @Override
        public List<KalshiOrder> restingOrders() {
            return List.of();
        }

        @Override
        public List<KalshiFill> fills(String ticker) {
            return fills;
        }

        @Override
        public List<KalshiSettlement> settlements() {
            return List.of();
        }

        @Override
        public ExchangeStatus exchangeStatus() {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<String> accountKey() {
            return java.util.Optional.of("kalshi key test");
        }

        @Override
        public java.util.Optional<String> marketResult(String ticker) {
            throw new UnsupportedOperationException();
        }
    }

    final FakeKalshi kalshi = new FakeKalshi();
    final KalshiOrderVenue venue = new KalshiOrderVenue(kalshi, "kalshi-test");

    static OrderRequest buyNo(String worst) {
        return new OrderRequest("cid-1", T, Side.NO, OrderAction.BUY, Count.ofContracts(2), Price.parse(worst),
                TimeInForce.IOC, false);
    }

    static KalshiFill noFill(String tradeId, String orderId, long count) {
        // A NO fill at 0.06 is a YES price of 0.94.
        return new KalshiFill(tradeId, orderId, T.toString(), Side.NO, BookSide.ASK, Count.ofContracts(count),
                Price.parse("0.94"), true, Money.parse("0.0079"), AT, 2);
    }

    static KalshiOrder order(String id, OrderStatus status, long filled) {
        return new KalshiOrder(id, "cid-1", T.toString(), Side.NO, BookSide.ASK, status, Price.parse("0.94"),
                Count.ofContracts(2), Count.ofContracts(filled), Count.ofContracts(2 - filled), Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO, AT, AT);
    }

    @Test
    void theOrderGoesOutAsAnImmediateOrCancelWithTheSameClientId() {
        kalshi.placeAnswer = new io.recio.kalshi.OrderOutcome.Accepted("o1", "cid-1", Count.ZERO, Count.ofContracts(2),
                null, null, AT);
        venue.submit(buyNo("0.06"));
        assertThat(kalshi.placed.clientOrderId()).isEqualTo("cid-1");
        assertThat(kalshi.placed.timeInForce()).isEqualTo(io.recio.kalshi.TimeInForce.IMMEDIATE_OR_CANCEL);
        assertThat(kalshi.placed.worstPrice()).isEqualTo(Price.parse("0.06"));
    }

    @Test
    void anAcceptedOrderIsAnsweredWithItsFillsInTheHeldSidesPrice() {
        kalshi.placeAnswer = new io.recio.kalshi.OrderOutcome.Accepted("o1", "cid-1", Count.ofContracts(2), Count.ZERO,
                Price.parse("0.94"), Money.parse("0.0079"), AT);
        kalshi.fills.add(noFill("t1", "o1", 2));
        kalshi.fills.add(noFill("t-other", "o-other", 5));
        OrderOutcome.Accepted a = (OrderOutcome.Accepted) venue.submit(buyNo("0.06"));
        assertThat(a.fills()).singleElement().satisfies(f -> {
            assertThat(f.fillId()).isEqualTo("t1");
            assertThat(f.price()).isEqualTo(Price.parse("0.06"));
        });
    }

    @Test
    void aYesSellThatKalshiReportsAsANoBuyIsPricedAsTheYesSold() {
        // Seen against the simulator: selling YES at 0.49 comes back as outcome NO on the ask side.
        kalshi.placeAnswer = new io.recio.kalshi.OrderOutcome.Accepted("o2", "cid-2", Count.ofContracts(3), Count.ZERO,
                Price.parse("0.49"), Money.parse("0.0175"), AT);
        kalshi.fills.add(new KalshiFill("t2", "o2", T.toString(), Side.NO, BookSide.ASK, Count.ofContracts(3),
                Price.parse("0.49"), true, Money.parse("0.0525"), AT, 2));
        OrderOutcome.Accepted a = (OrderOutcome.Accepted) venue.submit(new OrderRequest("cid-2", T, Side.YES,
                OrderAction.SELL, Count.ofContracts(3), Price.parse("0.01"), TimeInForce.IOC, true));
        assertThat(a.fills().get(0).price()).isEqualTo(Price.parse("0.49"));
    }

    @Test
    void anAcceptedOrderWhoseFillsAreNotVisibleYetIsUnknown() {
        kalshi.placeAnswer = new io.recio.kalshi.OrderOutcome.Accepted("o1", "cid-1", Count.ofContracts(2), Count.ZERO,
                Price.parse("0.94"), Money.parse("0.0079"), AT);
        assertThat(venue.submit(buyNo("0.06"))).isInstanceOf(OrderOutcome.Unknown.class);
    }

    @Test
    void aDuplicateClientIdIsLookedUpNeverResent() {
        kalshi.placeAnswer = new io.recio.kalshi.OrderOutcome.DuplicateClientOrderId("cid-1", "409");
        kalshi.found = Optional.of(order("o1", OrderStatus.EXECUTED, 2));
        kalshi.fills.add(noFill("t1", "o1", 2));
        OrderOutcome o = venue.submit(buyNo("0.06"));
        assertThat(o).isInstanceOf(OrderOutcome.Accepted.class);
        assertThat(((OrderOutcome.Accepted) o).filled()).isEqualTo(Count.ofContracts(2));
    }

    @Test
    void kalshisDoubtStaysDoubtAndItsRejectionStaysRejection() {
        kalshi.placeAnswer = new io.recio.kalshi.OrderOutcome.Unknown("cid-1", "timeout");
        assertThat(venue.submit(buyNo("0.06"))).isEqualTo(new OrderOutcome.Unknown("timeout"));
        kalshi.placeAnswer = new io.recio.kalshi.OrderOutcome.Rejected("cid-1", 400, "invalid_order", "bad");
        assertThat(venue.submit(buyNo("0.06"))).isEqualTo(new OrderOutcome.Rejected("invalid_order", "HTTP 400: bad"));
    }

    @Test
    void anOrderKalshiWouldNeverTakeIsRejectedWithoutSending() {
        OrderOutcome o = venue.submit(buyNo("1.00"));
        assertThat(o).isInstanceOf(OrderOutcome.Rejected.class);
        assertThat(kalshi.placed).isNull();
    }

    @Test
    void lookupsAnswerFoundNotFoundOrFailed() {
        assertThat(venue.lookup(buyNo("0.06"))).isInstanceOf(OrderLookup.NotFound.class);
        kalshi.found = Optional.of(order("o1", OrderStatus.RESTING, 0));
        assertThat(venue.lookup(buyNo("0.06"))).isInstanceOf(OrderLookup.Failed.class);
        kalshi.found = Optional.of(order("o1", OrderStatus.CANCELED, 0));
        assertThat(venue.lookup(buyNo("0.06"))).isInstanceOf(OrderLookup.Found.class);
        kalshi.failure = new KalshiException(503, "unavailable", "down", null, null);
        assertThat(venue.lookup(buyNo("0.06"))).isInstanceOf(OrderLookup.Failed.class);
    }

    @Test
    void theAccountHasHourlyPositionsAndTheirFillsByOrderId() throws Exception {
        kalshi.positions.add(new KalshiPosition(T.toString(), Count.ofContracts(-2), Money.ZERO, Money.ZERO, Money.ZERO, AT));
        kalshi.positions.add(new KalshiPosition("PRES-2028-X", Count.ofContracts(1), Money.ZERO, Money.ZERO, Money.ZERO, AT));
        kalshi.fills.add(noFill("t1", "o1", 2));
        VenueAccount account = venue.account(List.of());
        assertThat(account.balance()).isEqualTo(Money.parse("123.45"));
        assertThat(account.positions()).containsExactly(new VenuePosition(T, Count.ofContracts(-2)));
        assertThat(account.fills()).singleElement().satisfies(f -> {
            assertThat(f.venueOrderId()).isEqualTo("o1");
            assertThat(f.fill().price()).as("YES price").isEqualTo(Price.parse("0.94"));
        });
    }

    @Test
    void anUnreadableAccountIsVenueUnavailable() {
        kalshi.failure = new KalshiException(0, "timeout", "no answer", null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> venue.account(List.of()))
                .isInstanceOf(io.recio.trading.venue.VenueUnavailableException.class);
    }
}
