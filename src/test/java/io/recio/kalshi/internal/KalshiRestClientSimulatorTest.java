package io.recio.kalshi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.kalshi.KalshiException;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiRateLimitedException;
import io.recio.kalshi.KalshiUnavailableException;
import io.recio.kalshi.OrderAction;
import io.recio.kalshi.OrderOutcome;
import io.recio.kalshi.OrderRequest;
import io.recio.kalshi.TimeInForce;
import io.recio.kalshi.client.KalshiMarket;
import io.recio.kalshi.client.KalshiRestClient;
import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST client against the exchange simulator: retried reads, signatures, and the order outcome policy. */
class KalshiRestClientSimulatorTest {

    private static final String EVENT = "KXBTCD-26SEP2516";
    private static final String ATM = EVENT + "-T89999.99";

    private static SimulatedKalshi kalshi;
    private static KalshiRestClient rest;

    @BeforeAll
    static void start() throws Exception {
        kalshi = new SimulatedKalshi();
        rest = kalshi.rest(kalshi.clock, Duration.ofSeconds(2), 8);
    }

    @AfterAll
    static void stop() throws Exception {
        kalshi.close();
    }

    @AfterEach
    void resetFaults() {
        kalshi.faults.reset();
    }

    private static OrderRequest buy(Side side, String price, long contracts, TimeInForce tif) {
        return new OrderRequest(MarketTicker.parse(ATM), side, OrderAction.BUY, Count.ofContracts(contracts),
                Price.parse(price), tif, false, "t-" + UUID.randomUUID());
    }

    @Test
    void readsPagesThroughEveryMarketOfAnEvent() {
        List<KalshiMarket> markets = rest.markets(EVENT).toList();

        assertThat(markets).hasSize(31).allSatisfy(m -> assertThat(m.eventTicker()).isEqualTo(EVENT));
        assertThat(markets).extracting(KalshiMarket::ticker).doesNotHaveDuplicates().contains(ATM);
    }

    @Test
    void booksOfManyMarketsInOneCallEqualTheirSingleBooks() {
        List<String> tickers = rest.markets(EVENT).map(KalshiMarket::ticker).toList();

        List<io.recio.kalshi.client.OrderbookLevels> books = rest.orderbooks(tickers);

        assertThat(books).hasSize(tickers.size());
        assertThat(books).allSatisfy(b -> assertThat(b).isEqualTo(rest.orderbook(b.ticker())));
    }

    @Test
    void readsAreRetriedThroughInjected503s() {
        kalshi.faults.errors(0.4, 503);

        for (int i = 0; i < 20; i++) {
            assertThat(rest.market(ATM).ticker()).isEqualTo(ATM);
        }
    }

    @Test
    void readsAreRetriedThroughInjected429s() {
        kalshi.faults.errors(0.4, 429);

        for (int i = 0; i < 20; i++) {
            assertThat(rest.orderbook(ATM).ticker()).isEqualTo(ATM);
        }
    }

    @Test
    void readThatKeepsFailingReportsTheStatusAndCode() {
        kalshi.faults.errors(1.0, 500);

        assertThatThrownBy(() -> rest.exchangeStatus()).isInstanceOfSatisfying(KalshiUnavailableException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.code()).isEqualTo("internal_server_error");
            assertThat(e.definite()).isFalse();
        });
    }

    @Test
    void readThatKeepsBeingRateLimitedIsARateLimitedException() {
        kalshi.faults.errors(1.0, 429);

        assertThatThrownBy(() -> rest.market(ATM)).isInstanceOfSatisfying(KalshiRateLimitedException.class,
                e -> assertThat(e.code()).isEqualTo("too_many_requests"));
    }

    @Test
    void signatureFromASkewedClockIsRejectedAsAuthenticationError() throws Exception {
        KalshiRestClient skewed = kalshi.rest(Clock.offset(kalshi.clock, Duration.ofMinutes(5)), Duration.ofSeconds(2), 3);

        assertThatThrownBy(skewed::balance).isInstanceOfSatisfying(KalshiException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.definite()).isTrue();
            assertThat(e.getMessage()).doesNotContain("BEGIN");
        });
    }

    @Test
    void signedReadOfTheBalanceShowsTheCryptoShard() {
        var balance = rest.balance();

        assertThat(balance.available().units()).isPositive();
    }

    @Test
    void crossingBuyIsAcceptedWithItsFills() {
        OrderRequest order = buy(Side.YES, "0.99", 2, TimeInForce.IMMEDIATE_OR_CANCEL);

        OrderOutcome outcome = rest.createOrder(order);

        assertThat(outcome).isInstanceOfSatisfying(OrderOutcome.Accepted.class, a -> {
            assertThat(a.clientOrderId()).isEqualTo(order.clientOrderId());
            assertThat(a.filled()).isEqualTo(Count.ofContracts(2));
            assertThat(a.averageFillPrice().units()).isLessThan(Price.ONE_DOLLAR);
        });
    }

    @Test
    void buyNoIsSentAsAnAskAtTheComplementAndFillsAsNo() {
        OrderRequest order = buy(Side.NO, "0.99", 1, TimeInForce.FILL_OR_KILL);

        OrderOutcome.Accepted accepted = (OrderOutcome.Accepted) rest.createOrder(order);
        KalshiOrder placed = rest.order(accepted.orderId());

        assertThat(placed.outcomeSide()).isEqualTo(Side.NO);
        assertThat(placed.bookSide()).isEqualTo(io.recio.kalshi.BookSide.ASK);
        assertThat(placed.yesPrice()).isEqualTo(Price.parse("0.01"));
        assertThat(placed.fillCount()).isEqualTo(Count.ofContracts(1));
    }

    @Test
    void secondCreateWithTheSameClientIdIsADuplicateThatTheLookupResolves() {
        OrderRequest order = buy(Side.YES, "0.02", 1, TimeInForce.GOOD_TILL_CANCELED);
        OrderOutcome first = rest.createOrder(order);

        OrderOutcome second = rest.createOrder(order);

        assertThat(first).isInstanceOf(OrderOutcome.Accepted.class);
        assertThat(second).isInstanceOf(OrderOutcome.DuplicateClientOrderId.class);
        assertThat(rest.findOrderByClientId(ATM, order.clientOrderId())).get()
                .extracting(KalshiOrder::orderId).isEqualTo(((OrderOutcome.Accepted) first).orderId());
    }

    @Test
    void createWhoseAnswerNeverComesIsUnknownAndTheLookupFindsTheOrder() {
        kalshi.faults.orderResponseTimeout(true);
        OrderRequest order = buy(Side.YES, "0.03", 1, TimeInForce.GOOD_TILL_CANCELED);

        OrderOutcome outcome = rest.createOrder(order);
        kalshi.faults.orderResponseTimeout(false);

        assertThat(outcome).isInstanceOf(OrderOutcome.Unknown.class);
        assertThat(rest.findOrderByClientId(ATM, order.clientOrderId())).isPresent();
    }

    @Test
    void createAnsweredWith503IsUnknownAndNeverRetried() {
        kalshi.faults.errors(1.0, 503);
        OrderRequest order = buy(Side.YES, "0.04", 1, TimeInForce.GOOD_TILL_CANCELED);

        OrderOutcome outcome = rest.createOrder(order);
        kalshi.faults.reset();

        assertThat(outcome).isInstanceOf(OrderOutcome.Unknown.class);
        assertThat(rest.findOrderByClientId(ATM, order.clientOrderId())).isEmpty();
    }

    @Test
    void createOnAMarketThatDoesNotExistIsRejectedWithKalshisCode() {
        OrderRequest order = new OrderRequest(MarketTicker.parse(EVENT + "-T12345.67"), Side.YES, OrderAction.BUY,
                Count.ofContracts(1), Price.parse("0.5"), TimeInForce.IMMEDIATE_OR_CANCEL, false, "t-missing");

        OrderOutcome outcome = rest.createOrder(order);

        assertThat(outcome).isInstanceOfSatisfying(OrderOutcome.Rejected.class, r -> {
            assertThat(r.httpStatus()).isBetween(400, 499);
            assertThat(r.code()).isNotBlank();
        });
    }

    @Test
    void restingOrderIsCanceledWithWhatRemained() {
        OrderRequest order = buy(Side.YES, "0.05", 3, TimeInForce.GOOD_TILL_CANCELED);
        OrderOutcome.Accepted accepted = (OrderOutcome.Accepted) rest.createOrder(order);

        Count removed = rest.cancelOrder(accepted.orderId(), ATM);

        assertThat(removed).isEqualTo(Count.ofContracts(3));
        assertThat(rest.order(accepted.orderId()).status()).isEqualTo(io.recio.kalshi.OrderStatus.CANCELED);
    }
}
