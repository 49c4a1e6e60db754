package io.recio.trading.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.trading.SettlementNotice;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaperVenueTest {

    private static final MarketTicker T = MarketTicker.parse("KXBTCD-26SEP2516-T92799.99");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-25T19:50:00Z"), ZoneOffset.UTC);

    // YES bid 0.94 x 10, YES ask 0.96 x 5: NO ask = 0.06 x 10, NO bid = 0.04 x 5.
    private final TopOfBook book = new TopOfBook(Price.parse("0.94"), Count.ofContracts(10), Price.parse("0.96"),
            Count.ofContracts(5));
    private final PaperVenue venue = new PaperVenue(t -> t.equals(T) ? Optional.of(book) : Optional.empty(),
            Money.ofCents(100_00), CLOCK);

    private OrderRequest buy(String id, Side side, long count, String worst, TimeInForce tif) {
        return new OrderRequest(id, T, side, OrderAction.BUY, Count.ofContracts(count), Price.parse(worst), tif, false);
    }

    @Test
    void anIocBuyTakesWhatTheBestAskOffers() {
        OrderOutcome.Accepted a = (OrderOutcome.Accepted) venue.submit(buy("a", Side.YES, 8, "0.97", TimeInForce.IOC));
        assertThat(a.filled()).isEqualTo(Count.ofContracts(5));
        assertThat(a.fills().get(0).price()).isEqualTo(Price.parse("0.96"));
        // 0.07 × 5 × 0.96 × 0.04 = 0.01344 → 0.0135
        assertThat(a.fills().get(0).fee()).isEqualTo(Money.parse("0.0135"));
    }

    @Test
    void aFokBuyLargerThanTheAskFillsNothing() {
        OrderOutcome.Accepted a = (OrderOutcome.Accepted) venue.submit(buy("b", Side.YES, 8, "0.97", TimeInForce.FOK));
        assertThat(a.fills()).isEmpty();
    }

    @Test
    void anAskAboveTheWorstPriceIsNotTaken() {
        OrderOutcome.Accepted a = (OrderOutcome.Accepted) venue.submit(buy("c", Side.YES, 1, "0.95", TimeInForce.IOC));
        assertThat(a.fills()).isEmpty();
    }

    @Test
    void buyingNoTakesTheYesBid() {
        OrderOutcome.Accepted a = (OrderOutcome.Accepted) venue.submit(buy("d", Side.NO, 3, "0.06", TimeInForce.IOC));
        assertThat(a.filled()).isEqualTo(Count.ofContracts(3));
        assertThat(a.fills().get(0).price()).isEqualTo(Price.parse("0.06"));
        assertThat(venue.account(java.util.List.of()).positions()).containsExactly(new VenuePosition(T, Count.ofContracts(-3)));
    }

    @Test
    void aResentClientOrderIdIsTheSameOrderNotASecondOne() {
        OrderOutcome first = venue.submit(buy("e", Side.YES, 2, "0.97", TimeInForce.IOC));
        OrderOutcome again = venue.submit(buy("e", Side.YES, 2, "0.97", TimeInForce.IOC));
        assertThat(again).isEqualTo(first);
        assertThat(venue.account(java.util.List.of()).positions()).containsExactly(new VenuePosition(T, Count.ofContracts(2)));
    }

    @Test
    void aReduceOnlySellNeverSellsMoreThanHeld() {
        venue.submit(buy("f", Side.YES, 2, "0.97", TimeInForce.IOC));
        OrderOutcome.Accepted sell = (OrderOutcome.Accepted) venue.submit(new OrderRequest("g", T, Side.YES,
                OrderAction.SELL, Count.ofContracts(5), Price.parse("0.90"), TimeInForce.IOC, true));
        assertThat(sell.filled()).isEqualTo(Count.ofContracts(2));
        assertThat(venue.account(java.util.List.of()).positions()).isEmpty();
    }

    @Test
    void cashFollowsFillsFeesAndSettlement() {
        venue.submit(buy("h", Side.YES, 5, "0.96", TimeInForce.IOC));
        // 100.00 − 4.80 − 0.0135
        assertThat(venue.account(java.util.List.of()).balance()).isEqualTo(Money.parse("95.1865"));
        venue.settle(new SettlementNotice(T, Side.YES, Money.ZERO, CLOCK.instant()));
        assertThat(venue.account(java.util.List.of()).balance()).isEqualTo(Money.parse("100.1865"));
        assertThat(venue.account(java.util.List.of()).positions()).isEmpty();
    }

    @Test
    void lookupFindsSentOrdersAndNothingElse() {
        venue.submit(buy("i", Side.YES, 1, "0.97", TimeInForce.IOC));
        assertThat(venue.lookup(buy("i", Side.YES, 1, "0.97", TimeInForce.IOC))).isInstanceOf(OrderLookup.Found.class);
        assertThat(venue.lookup(buy("never-sent", Side.YES, 1, "0.97", TimeInForce.IOC))).isInstanceOf(OrderLookup.NotFound.class);
    }

    @Test
    void aMarketWithoutABookIsADefiniteRejection() {
        MarketTicker other = new MarketTicker(EventTicker.parse("KXBTCD-26SEP2516"), "T100000");
        OrderOutcome o = venue.submit(new OrderRequest("j", other, Side.YES, OrderAction.BUY, Count.ofContracts(1),
                Price.parse("0.5"), TimeInForce.IOC, false));
        assertThat(o).isInstanceOf(OrderOutcome.Rejected.class);
    }
}
