package io.recio.kalshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Side;
import org.junit.jupiter.api.Test;

/** recio's YES/NO buy/sell intents mapped onto Kalshi's V2 single YES book (reference §4.4). */
class OrderRequestTest {

    private static final MarketTicker TICKER = MarketTicker.parse("KXBTCD-26SEP2516-T92799.99");

    private static OrderRequest order(Side side, OrderAction action, String price) {
        return new OrderRequest(TICKER, side, action, Count.ofContracts(3), Price.parse(price),
                TimeInForce.IMMEDIATE_OR_CANCEL, false, "t1-a1");
    }

    @Test
    void buyYesBidsAtTheYesPrice() {
        OrderRequest o = order(Side.YES, OrderAction.BUY, "0.56");
        assertThat(o.bookSide()).isEqualTo(BookSide.BID);
        assertThat(o.yesPrice()).isEqualTo(Price.parse("0.56"));
    }

    @Test
    void sellYesAsksAtTheYesPrice() {
        OrderRequest o = order(Side.YES, OrderAction.SELL, "0.56");
        assertThat(o.bookSide()).isEqualTo(BookSide.ASK);
        assertThat(o.yesPrice()).isEqualTo(Price.parse("0.56"));
    }

    @Test
    void buyNoAsksAtOneMinusTheNoPrice() {
        OrderRequest o = order(Side.NO, OrderAction.BUY, "0.30");
        assertThat(o.bookSide()).isEqualTo(BookSide.ASK);
        assertThat(o.yesPrice()).isEqualTo(Price.parse("0.70"));
    }

    @Test
    void sellNoBidsAtOneMinusTheNoPrice() {
        OrderRequest o = order(Side.NO, OrderAction.SELL, "0.30");
        assertThat(o.bookSide()).isEqualTo(BookSide.BID);
        assertThat(o.yesPrice()).isEqualTo(Price.parse("0.70"));
    }

    @Test
    void zeroCountIsRefused() {
        assertThatThrownBy(() -> new OrderRequest(TICKER, Side.YES, OrderAction.BUY, Count.ZERO, Price.parse("0.5"),
                TimeInForce.FILL_OR_KILL, false, "x")).hasMessageContaining("count must be positive");
    }

    @Test
    void priceAtTheEdgeOfTheDollarIsRefused() {
        assertThatThrownBy(() -> order(Side.YES, OrderAction.BUY, "1.00")).hasMessageContaining("inside (0, 1)");
    }

    @Test
    void clientOrderIdWithSpacesIsRefused() {
        assertThatThrownBy(() -> new OrderRequest(TICKER, Side.YES, OrderAction.BUY, Count.ofContracts(1),
                Price.parse("0.5"), TimeInForce.FILL_OR_KILL, false, "a b")).hasMessageContaining("client_order_id");
    }
}
