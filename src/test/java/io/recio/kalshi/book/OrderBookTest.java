package io.recio.kalshi.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.kalshi.client.OrderbookLevels;
import io.recio.kalshi.client.OrderbookLevels.Level;
import io.recio.market.Count;
import io.recio.market.Price;
import io.recio.market.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A market's book from a snapshot and deltas: YES bids, NO bids, and the YES ask they imply. */
class OrderBookTest {

    private static Level level(String price, long contracts) {
        return new Level(Price.parse(price), Count.ofContracts(contracts));
    }

    private static OrderBook book() {
        OrderBook book = new OrderBook("M");
        book.reset(new OrderbookLevels("M", List.of(level("0.40", 10), level("0.42", 5)),
                List.of(level("0.50", 7), level("0.55", 3))));
        return book;
    }

    @Test
    void topOfBookComesFromTheBestBidOfEachSide() {
        OrderBook book = book();

        assertThat(book.yesBid()).isEqualTo(Price.parse("0.42"));
        assertThat(book.yesBidSize()).isEqualTo(Count.ofContracts(5));
        assertThat(book.yesAsk()).isEqualTo(Price.parse("0.45"));
        assertThat(book.yesAskSize()).isEqualTo(Count.ofContracts(3));
    }

    @Test
    void deltaThatEmptiesTheBestLevelMovesTheTopDown() {
        OrderBook book = book();

        assertThat(book.apply(Side.YES, Price.parse("0.42"), Count.ofContracts(-5))).isTrue();

        assertThat(book.yesBid()).isEqualTo(Price.parse("0.40"));
        assertThat(book.levels().yes()).containsExactly(level("0.40", 10));
    }

    @Test
    void deltaAtANewPriceAddsALevel() {
        OrderBook book = book();

        book.apply(Side.NO, Price.parse("0.57"), Count.ofContracts(2));

        assertThat(book.yesAsk()).isEqualTo(Price.parse("0.43"));
        assertThat(book.levels().no()).extracting(Level::price)
                .containsExactly(Price.parse("0.50"), Price.parse("0.55"), Price.parse("0.57"));
    }

    @Test
    void deltaThatWouldMakeALevelNegativeIsRefusedAndLeavesTheBook() {
        OrderBook book = book();

        assertThat(book.apply(Side.YES, Price.parse("0.42"), Count.ofContracts(-6))).isFalse();

        assertThat(book.yesBidSize()).isEqualTo(Count.ofContracts(5));
    }

    @Test
    void emptyBookHasNoBidAndNoAsk() {
        OrderBook book = new OrderBook("M");

        assertThat(book.yesBid()).isEqualTo(Price.ZERO);
        assertThat(book.yesAsk()).isEqualTo(Price.ONE);
        assertThat(book.yesBidSize()).isEqualTo(Count.ZERO);
    }

    @Test
    void snapshotReplacesEverything() {
        OrderBook book = book();

        book.reset(new OrderbookLevels("M", List.of(level("0.10", 1)), List.of()));

        assertThat(book.levels().yes()).containsExactly(level("0.10", 1));
        assertThat(book.levels().no()).isEmpty();
    }
}
