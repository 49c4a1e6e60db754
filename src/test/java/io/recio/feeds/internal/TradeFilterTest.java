package io.recio.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.feeds.internal.CoinbaseMessages.Heartbeat;
import io.recio.feeds.internal.CoinbaseMessages.Ticker;
import io.recio.feeds.internal.TradeFilter.Verdict;
import org.junit.jupiter.api.Test;

/** What the feed accepts, rejects and counts as missed. */
class TradeFilterTest {

    private final TradeFilter filter = new TradeFilter(50, -1);

    private static Ticker ticker(long tradeId, long sequence, long units) {
        return new Ticker("BTC-USD", units, tradeId, sequence, null);
    }

    @Test
    void consecutiveTradesAreAcceptedWithNothingMissed() {
        assertThat(filter.ticker(ticker(1, 10, 100_0000))).isEqualTo(Verdict.ACCEPTED);
        assertThat(filter.ticker(ticker(2, 17, 101_0000))).isEqualTo(Verdict.ACCEPTED);
        assertThat(filter.takeMissed()).isZero();
    }

    @Test
    void aTradeIdJumpCountsTheTradesInBetweenAsMissed() {
        filter.ticker(ticker(1, 10, 100_0000));
        assertThat(filter.ticker(ticker(5, 11, 100_0000))).isEqualTo(Verdict.ACCEPTED);
        assertThat(filter.takeMissed()).isEqualTo(3);
        assertThat(filter.takeMissed()).isZero();
    }

    @Test
    void aHeartbeatAheadOfTheLastTickerCountsMissedTrades() {
        filter.ticker(ticker(7, 10, 100_0000));
        filter.heartbeat(new Heartbeat("BTC-USD", 9, 12, null));
        assertThat(filter.takeMissed()).isEqualTo(2);
    }

    @Test
    void anOlderOrRepeatedMessageIsOutOfOrder() {
        filter.ticker(ticker(7, 10, 100_0000));
        assertThat(filter.ticker(ticker(8, 10, 100_0000))).isEqualTo(Verdict.OUT_OF_ORDER);
        assertThat(filter.ticker(ticker(7, 11, 100_0000))).isEqualTo(Verdict.OUT_OF_ORDER);
    }

    @Test
    void aPriceOfZeroOrLessIsRejected() {
        assertThat(filter.ticker(ticker(1, 1, 0))).isEqualTo(Verdict.REJECTED_PRICE);
        assertThat(filter.ticker(ticker(2, 2, -5))).isEqualTo(Verdict.REJECTED_PRICE);
    }

    @Test
    void aJumpOfMoreThanTheLimitIsRejectedAndTheOldReferenceKept() {
        filter.ticker(ticker(1, 1, 100_0000));
        assertThat(filter.ticker(ticker(2, 2, 150_0001))).isEqualTo(Verdict.REJECTED_PRICE);
        assertThat(filter.ticker(ticker(3, 3, 49_9999))).isEqualTo(Verdict.REJECTED_PRICE);
        assertThat(filter.ticker(ticker(4, 4, 150_0000))).isEqualTo(Verdict.ACCEPTED);
        assertThat(filter.lastPrice()).isEqualTo(150_0000);
    }

    @Test
    void theReferencePriceCarriesOverFromTheLastConnection() {
        TradeFilter next = new TradeFilter(50, 100_0000);
        assertThat(next.ticker(ticker(1, 1, 300_0000))).isEqualTo(Verdict.REJECTED_PRICE);
    }
}
