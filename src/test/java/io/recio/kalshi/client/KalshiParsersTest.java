package io.recio.kalshi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.kalshi.BookSide;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.OrderOutcome;
import io.recio.kalshi.OrderStatus;
import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.StrikeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every saved real Kalshi payload, read into recio's types with its values checked. */
class KalshiParsersTest {

    @Test
    void everySavedExampleIsCoveredByThisTest() throws IOException {
        try (Stream<Path> files = Files.list(KalshiExamples.dir())) {
            Set<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(Collectors.toSet());
            assertThat(names).containsExactlyInAnyOrder(
                    "legacy_rest_create_order_v1_response_2026-01-14.json", "legacy_ws_examples_2026-01.json",
                    "rest_create_order_v2_response_live_2026-07-18.json", "rest_error_examples.json",
                    "rest_fill_live_2026-07-29.json", "rest_markets_KXBTCD_open_2026-09-25.json",
                    "rest_markets_KXBTC_settled_2026-09-25.json", "rest_order_executed_live_2026-07-18.json",
                    "rest_orderbook_docs_example.json", "rest_series_KXBTCD_2026-09-25.json",
                    "ws_asyncapi_examples_2026-08.json");
        }
    }

    @Test
    void openKxbtcdMarketsReadWithStrikeCloseAndTopOfBook() {
        List<KalshiMarket> markets = KalshiParsers.markets(KalshiExamples.json("rest_markets_KXBTCD_open_2026-09-25.json"));

        assertThat(markets).hasSize(2);
        KalshiMarket m = markets.getFirst();
        assertThat(m.ticker()).isEqualTo("KXBTCD-26SEP2516-T92799.99");
        assertThat(m.eventTicker()).isEqualTo("KXBTCD-26SEP2516");
        assertThat(m.strike().type()).isEqualTo(StrikeType.GREATER);
        assertThat(m.strike().floor()).isEqualTo(SpotPrice.parse("92799.99"));
        assertThat(m.strike().cap()).isNull();
        assertThat(m.closeTime()).isEqualTo(Instant.parse("2026-09-25T20:00:00Z"));
        assertThat(m.openTime()).isEqualTo(Instant.parse("2026-09-25T19:00:00Z"));
        assertThat(m.status()).isEqualTo("active");
        assertThat(m.yesBid()).isEqualTo(Price.ZERO);
        assertThat(m.yesBidSize()).isEqualTo(Count.ZERO);
        assertThat(m.yesAsk()).isEqualTo(Price.parse("0.01"));
        assertThat(m.yesAskSize()).isEqualTo(Count.ofContracts(25488));
        assertThat(m.exchangeIndex()).isEqualTo(2);
        assertThat(markets.get(1).strike().floor()).isEqualTo(SpotPrice.parse("92699.99"));
    }

    @Test
    void settledKxbtcMarketsReadGreaterLessAndBetweenStrikesWithResult() {
        List<KalshiMarket> markets = KalshiParsers.markets(
                KalshiExamples.json("rest_markets_KXBTC_settled_2026-09-25.json"));

        assertThat(markets).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo("finalized");
            assertThat(m.expirationValue()).isEqualTo("83950.62");
        });
        assertThat(markets).extracting(m -> m.strike().type())
                .contains(StrikeType.GREATER, StrikeType.LESS, StrikeType.BETWEEN);
        KalshiMarket less = markets.stream().filter(m -> m.strike().type() == StrikeType.LESS).findFirst().orElseThrow();
        assertThat(less.strike().cap()).isEqualTo(SpotPrice.parse("74200"));
        KalshiMarket between = markets.stream().filter(m -> m.strike().type() == StrikeType.BETWEEN).findFirst()
                .orElseThrow();
        assertThat(between.strike().floor()).isNotNull();
        assertThat(between.strike().cap()).isNotNull();
        assertThat(markets.getFirst().result()).isEqualTo("no");
    }

    @Test
    void seriesExampleConfirmsTheQuadraticFeeOnShardTwo() {
        JsonNode series = KalshiExamples.json("rest_series_KXBTCD_2026-09-25.json").path("series");

        assertThat(series.path("fee_type").asString()).isEqualTo("quadratic");
        assertThat(series.path("exchange_index").asInt()).isEqualTo(2);
        assertThat(series.path("frequency").asString()).isEqualTo("hourly");
    }

    @Test
    void orderbookDocsExampleReadsBothBidSidesAscending() {
        OrderbookLevels book = KalshiParsers.orderbook("X", KalshiExamples.json("rest_orderbook_docs_example.json"));

        assertThat(book.yes()).hasSize(12);
        assertThat(book.no()).hasSize(10);
        assertThat(book.yes().getFirst()).isEqualTo(new OrderbookLevels.Level(Price.parse("0.01"), Count.ofContracts(200)));
        assertThat(book.yes().getLast()).isEqualTo(new OrderbookLevels.Level(Price.parse("0.42"), Count.ofContracts(13)));
        assertThat(book.no().getLast()).isEqualTo(new OrderbookLevels.Level(Price.parse("0.56"), Count.ofContracts(17)));
    }

    @Test
    void liveV2CreateOrderResponseIsAcceptedWithFillAndFee() {
        OrderOutcome.Accepted a = KalshiParsers.createOrderResponse(
                KalshiExamples.json("rest_create_order_v2_response_live_2026-07-18.json"), "ignored");

        assertThat(a.orderId()).isEqualTo("85f92316-1e7a-4e6c-919f-37d2af08ea19");
        assertThat(a.clientOrderId()).isEqualTo("kb-diag-9688997c");
        assertThat(a.filled()).isEqualTo(Count.ofContracts(1));
        assertThat(a.remaining()).isEqualTo(Count.ZERO);
        assertThat(a.averageFillPrice()).isEqualTo(Price.parse("0.49"));
        assertThat(a.averageFee()).isEqualTo(Money.parse("0.0175"));
        assertThat(a.at()).isEqualTo(Instant.ofEpochMilli(1784336830522L));
    }

    @Test
    void liveExecutedOrderReadsCountsCostsAndSixDecimalFees() {
        KalshiOrder o = KalshiParsers.order(KalshiExamples.json("rest_order_executed_live_2026-07-18.json"));

        assertThat(o.orderId()).isEqualTo("e0ca763f-1f18-4718-b4b1-9c9f922dc5ab");
        assertThat(o.clientOrderId()).isEqualTo("kb-2156fc481c0a");
        assertThat(o.status()).isEqualTo(OrderStatus.EXECUTED);
        assertThat(o.outcomeSide()).isEqualTo(Side.YES);
        assertThat(o.bookSide()).isEqualTo(BookSide.BID);
        assertThat(o.yesPrice()).isEqualTo(Price.parse("0.49"));
        assertThat(o.fillCount()).isEqualTo(Count.ofContracts(4));
        assertThat(o.remainingCount()).isEqualTo(Count.ZERO);
        assertThat(o.takerFees()).isEqualTo(Money.parse("0.07"));
        assertThat(o.takerFillCost()).isEqualTo(Money.parse("1.96"));
        assertThat(o.createdAt()).isEqualTo(Instant.parse("2026-07-18T00:42:05.833916Z"));
    }

    @Test
    void liveBuyNoFillTakesDirectionFromOutcomeAndBookSideNotLegacyAction() {
        KalshiFill f = KalshiParsers.fill(KalshiExamples.json("rest_fill_live_2026-07-29.json"));

        assertThat(f.tradeId()).isEqualTo("8cafb0dd-40bf-72d5-b490-fd90314e66ba");
        assertThat(f.outcomeSide()).isEqualTo(Side.NO);
        assertThat(f.bookSide()).isEqualTo(BookSide.ASK);
        assertThat(f.count()).isEqualTo(Count.ofContracts(2));
        assertThat(f.yesPrice()).isEqualTo(Price.parse("0.33"));
        assertThat(f.sidePrice()).isEqualTo(Price.parse("0.67"));
        assertThat(f.fee()).isEqualTo(Money.parse("0.031"));
        assertThat(f.taker()).isTrue();
        assertThat(f.ticker()).isEqualTo("KXBTC15M-26JUL290030-30");
        assertThat(f.at()).isEqualTo(Instant.parse("2026-07-29T04:17:05.915114Z"));
    }

    @Test
    void errorBodiesReadInBothTheObjectAndTheStringForm() {
        JsonNode errors = KalshiExamples.json("rest_error_examples.json");

        KalshiParsers.ApiError auth = KalshiParsers.error(errors.path("http_401_signature_error").toString());
        assertThat(auth.code()).isEqualTo("authentication_error");
        assertThat(auth.details()).contains("INCORRECT_API_KEY_SIGNATURE");
        assertThat(KalshiParsers.error(errors.path("http_410_legacy_v1_order_endpoint").toString()).code())
                .isEqualTo("deprecated_v1_order_endpoint");
        KalshiParsers.ApiError limited = KalshiParsers.error(errors.path("http_429_rate_limited_as_documented").toString());
        assertThat(limited.code()).isEqualTo("too_many_requests");
        assertThat(limited.message()).isEqualTo("too many requests");
    }

    @Test
    void errorBodyThatIsNotJsonKeepsItsText() {
        assertThat(KalshiParsers.error("<html>Bad gateway</html>").message()).isEqualTo("<html>Bad gateway</html>");
    }

    @Test
    void legacyV1CreateOrderResponseIsRejectedAsLegacy() {
        JsonNode legacy = KalshiExamples.json("legacy_rest_create_order_v1_response_2026-01-14.json").path("response");

        assertThatThrownBy(() -> KalshiParsers.createOrderResponse(legacy, "x"))
                .isInstanceOf(LegacyFormatException.class).hasMessageContaining("legacy");
        assertThatThrownBy(() -> KalshiParsers.order(legacy.path("order")))
                .isInstanceOf(LegacyFormatException.class).hasMessageContaining("fill_count");
    }

    @Test
    void wsOrderbookSnapshotReadsBothSides() {
        WsMessage.Snapshot s = (WsMessage.Snapshot) KalshiParsers.wsMessage(
                KalshiExamples.ws("orderbookSnapshot.orderbookWithBothSides"));

        assertThat(s.sid()).isEqualTo(2);
        assertThat(s.seq()).isEqualTo(2);
        assertThat(s.book().ticker()).isEqualTo("FED-23DEC-T3.00");
        assertThat(s.book().yes()).containsExactly(
                new OrderbookLevels.Level(Price.parse("0.08"), Count.ofContracts(300)),
                new OrderbookLevels.Level(Price.parse("0.22"), Count.ofContracts(333)));
        assertThat(s.book().no().getLast()).isEqualTo(new OrderbookLevels.Level(Price.parse("0.56"), Count.ofContracts(146)));
    }

    @Test
    void wsOrderbookDeltaReadsSignedChange() {
        WsMessage.Delta d = (WsMessage.Delta) KalshiParsers.wsMessage(KalshiExamples.ws("orderbookDelta.priceLevelUpdate"));

        assertThat(d.seq()).isEqualTo(3);
        assertThat(d.side()).isEqualTo(Side.YES);
        assertThat(d.price()).isEqualTo(Price.parse("0.96"));
        assertThat(d.delta()).isEqualTo(Count.ofContracts(-54));
        assertThat(d.tsMs()).isEqualTo(1669149841000L);
    }

    @Test
    void wsTickerReadsTopOfBookSizesAndVolume() {
        WsMessage.Ticker t = (WsMessage.Ticker) KalshiParsers.wsMessage(KalshiExamples.ws("ticker.tickerUpdate"));

        assertThat(t.ticker()).isEqualTo("FED-23DEC-T3.00");
        assertThat(t.lastPrice()).isEqualTo(Price.parse("0.48"));
        assertThat(t.yesBid()).isEqualTo(Price.parse("0.45"));
        assertThat(t.yesAsk()).isEqualTo(Price.parse("0.53"));
        assertThat(t.yesBidSize()).isEqualTo(Count.ofContracts(300));
        assertThat(t.yesAskSize()).isEqualTo(Count.ofContracts(150));
        assertThat(t.volume()).isEqualTo(Count.ofContracts(33896));
    }

    @Test
    void wsFillReadsOutcomeSideFromPurchasedSideWhenOnlyTheDeprecatedFieldsAreThere() {
        WsMessage.Fill f = (WsMessage.Fill) KalshiParsers.wsMessage(KalshiExamples.ws("fill.userFill"));

        assertThat(f.fill().tradeId()).isEqualTo("d91bc706-ee49-470d-82d8-11418bda6fed");
        assertThat(f.fill().outcomeSide()).isEqualTo(Side.YES);
        assertThat(f.fill().bookSide()).isEqualTo(BookSide.BID);
        assertThat(f.fill().count()).isEqualTo(Count.ofContracts(278));
        assertThat(f.fill().yesPrice()).isEqualTo(Price.parse("0.75"));
        assertThat(f.fill().exchangeIndex()).isEqualTo(2);
        assertThat(f.postPosition()).isEqualTo(Count.ofContracts(500));
        assertThat(f.fill().at()).isEqualTo(Instant.ofEpochMilli(1671899397000L));
    }

    @Test
    void wsUserOrderReadsStatusCountsAndClientId() {
        WsMessage.UserOrder u = (WsMessage.UserOrder) KalshiParsers.wsMessage(KalshiExamples.ws("userOrder.userOrderCreated"));

        assertThat(u.order().status()).isEqualTo(OrderStatus.RESTING);
        assertThat(u.order().clientOrderId()).isEqualTo("my-order-1");
        assertThat(u.order().remainingCount()).isEqualTo(Count.ofContracts(10));
        assertThat(u.order().yesPrice()).isEqualTo(Price.parse("0.35"));
        assertThat(u.order().outcomeSide()).isEqualTo(Side.YES);
        assertThat(u.order().createdAt()).isEqualTo(Instant.ofEpochMilli(1733047200000L));
    }

    @Test
    void wsMarketPositionReadsPositionAndDollars() {
        WsMessage.Position p = (WsMessage.Position) KalshiParsers.wsMessage(KalshiExamples.ws("marketPosition.positionUpdate"));

        assertThat(p.position().position()).isEqualTo(Count.ofContracts(100));
        assertThat(p.position().exposure()).isEqualTo(Money.parse("50"));
        assertThat(p.position().realizedPnl()).isEqualTo(Money.parse("10"));
        assertThat(p.position().feesPaid()).isEqualTo(Money.parse("1"));
    }

    @Test
    void wsLifecycleReadsEventTypeAndClose() {
        WsMessage.Lifecycle l = (WsMessage.Lifecycle) KalshiParsers.wsMessage(
                KalshiExamples.ws("marketLifecycleV2.marketCreated"));

        assertThat(l.ticker()).isEqualTo("INXD-23SEP14-B4487");
        assertThat(l.eventType()).isEqualTo("created");
        assertThat(l.closeTs()).isEqualTo(1694721600L);
    }

    @Test
    void wsCfBenchmarksValueReadsTheEmbeddedFrameAndTheSixtySecondAverage() {
        WsMessage.IndexPrint p = (WsMessage.IndexPrint) KalshiParsers.wsMessage(
                KalshiExamples.ws("cfbenchmarksValue.cfbenchmarksValueUpdate"));

        assertThat(p.indexId()).isEqualTo("BRTI");
        assertThat(p.value()).isEqualTo("68000.12");
        assertThat(p.average60s()).isEqualTo("68000.12000000");
        assertThat(p.timeMs()).isEqualTo(1710000000123L);
        assertThat(p.seq()).isEqualTo(42);
    }

    @Test
    void wsCommandResponsesReadIdsSidsAndErrorCodes() {
        WsMessage.Subscribed s = (WsMessage.Subscribed) KalshiParsers.wsMessage(
                KalshiExamples.ws("subscribedResponse.subscriptionConfirmed"));
        assertThat(s.id()).isEqualTo(1);
        assertThat(s.sid()).isEqualTo(1);
        assertThat(s.channel()).isEqualTo("orderbook_delta");

        WsMessage.Ok ok = (WsMessage.Ok) KalshiParsers.wsMessage(KalshiExamples.ws("okResponse.updateSuccess"));
        assertThat(ok.sid()).isEqualTo(456);
        assertThat(ok.seq()).isEqualTo(222);

        WsMessage.Unsubscribed u = (WsMessage.Unsubscribed) KalshiParsers.wsMessage(
                KalshiExamples.ws("unsubscribedResponse.unsubscriptionConfirmed"));
        assertThat(u.sid()).isEqualTo(2);

        WsMessage.Error e = (WsMessage.Error) KalshiParsers.wsMessage(KalshiExamples.ws("errorResponse.marketNotFound"));
        assertThat(e.code()).isEqualTo(16);
        assertThat(e.message()).isEqualTo("Market not found");
    }

    @Test
    void everyCurrentWsExampleMessageReadsWithoutError() {
        JsonNode examples = KalshiExamples.json("ws_asyncapi_examples_2026-08.json").path("examples");
        for (var entry : examples.properties()) {
            if (entry.getValue().has("type")) {
                WsMessage m = KalshiParsers.wsMessage(entry.getValue());
                assertThat(m).as(entry.getKey()).isNotNull();
                if (entry.getKey().startsWith("trade.") || entry.getKey().startsWith("rfq")
                        || entry.getKey().startsWith("quote") || entry.getKey().startsWith("pyth")) {
                    assertThat(m).as(entry.getKey()).isInstanceOf(WsMessage.Other.class);
                }
            }
        }
    }

    @Test
    void legacyWsMessagesAreRejectedNamingTheLegacyField() {
        assertThatThrownBy(() -> KalshiParsers.wsMessage(KalshiExamples.legacyWs("orderbookSnapshot.orderbookWithBothSides")))
                .isInstanceOf(LegacyFormatException.class).hasMessageContaining("yes_dollars");
        assertThatThrownBy(() -> KalshiParsers.wsMessage(KalshiExamples.legacyWs("orderbookDelta.priceLevelUpdate")))
                .isInstanceOf(LegacyFormatException.class).hasMessageContaining("'delta'");
        assertThatThrownBy(() -> KalshiParsers.wsMessage(KalshiExamples.legacyWs("ticker.tickerUpdate")))
                .isInstanceOf(LegacyFormatException.class).hasMessageContaining("'volume'");
        assertThatThrownBy(() -> KalshiParsers.wsMessage(KalshiExamples.legacyWs("fill.userFill")))
                .isInstanceOf(LegacyFormatException.class).hasMessageContaining("count");
        assertThatThrownBy(() -> KalshiParsers.wsMessage(KalshiExamples.legacyWs("marketPosition.positionUpdate")))
                .isInstanceOf(LegacyFormatException.class).hasMessageContaining("position");
    }

    @Test
    void missingFieldIsNamedInTheError() {
        assertThatThrownBy(() -> KalshiParsers.wsMessage(
                "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"A\",\"side\":\"yes\",\"delta_fp\":\"1.00\"}}"))
                .isInstanceOf(KalshiFormatException.class)
                .hasMessageContaining("orderbook_delta A").hasMessageContaining("price_dollars");
    }

    @Test
    void priceOutsideTheDollarIsRejectedNamingTheField() {
        assertThatThrownBy(() -> KalshiParsers.wsMessage(
                "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"A\",\"side\":\"yes\",\"price_dollars\":\"1.5\",\"delta_fp\":\"1.00\"}}"))
                .isInstanceOf(KalshiFormatException.class).hasMessageContaining("price_dollars");
    }
}
