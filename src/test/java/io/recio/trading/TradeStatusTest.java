package io.recio.trading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TradeStatusTest {

    @Test
    void theHappyPathsAreAllowed() {
        assertThat(TradeStatus.PENDING.canMoveTo(TradeStatus.OPEN)).isTrue();
        assertThat(TradeStatus.OPEN.canMoveTo(TradeStatus.CLOSING)).isTrue();
        assertThat(TradeStatus.CLOSING.canMoveTo(TradeStatus.CLOSED)).isTrue();
        assertThat(TradeStatus.OPEN.canMoveTo(TradeStatus.EXPIRED)).isTrue();
        assertThat(TradeStatus.EXPIRED.canMoveTo(TradeStatus.SETTLED)).isTrue();
        assertThat(TradeStatus.PENDING.canMoveTo(TradeStatus.REJECTED)).isTrue();
    }

    @Test
    void anExitWithoutFillReturnsTheTradeToOpen() {
        assertThat(TradeStatus.CLOSING.canMoveTo(TradeStatus.OPEN)).isTrue();
    }

    @Test
    void finalStatesGoNowhere() {
        for (TradeStatus to : TradeStatus.values()) {
            assertThat(TradeStatus.CLOSED.canMoveTo(to)).isFalse();
            assertThat(TradeStatus.SETTLED.canMoveTo(to)).isFalse();
            assertThat(TradeStatus.REJECTED.canMoveTo(to)).isFalse();
        }
    }

    @Test
    void shortcutsAreRejected() {
        assertThat(TradeStatus.PENDING.canMoveTo(TradeStatus.CLOSED)).isFalse();
        assertThat(TradeStatus.PENDING.canMoveTo(TradeStatus.EXPIRED)).isFalse();
        assertThat(TradeStatus.OPEN.canMoveTo(TradeStatus.SETTLED)).isFalse();
        assertThat(TradeStatus.EXPIRED.canMoveTo(TradeStatus.OPEN)).isFalse();
        assertThat(TradeStatus.OPEN.canMoveTo(TradeStatus.REJECTED)).isFalse();
    }
}
