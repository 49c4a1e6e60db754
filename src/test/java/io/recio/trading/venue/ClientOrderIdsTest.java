package io.recio.trading.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {

    private static final String TRADE = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void theSameTradeAndAttemptAlwaysGiveTheSameId() {
        assertThat(ClientOrderIds.of(TRADE, 1)).isEqualTo(ClientOrderIds.of(TRADE, 1));
    }

    @Test
    void theIdIsTheNameBasedUuidOfRecioTradeAttempt() {
        assertThat(ClientOrderIds.of(TRADE, 2))
                .isEqualTo(UUID.nameUUIDFromBytes(("recio:" + TRADE + ":2").getBytes()).toString());
        assertThat(UUID.fromString(ClientOrderIds.of(TRADE, 2)).version()).isEqualTo(3);
    }

    @Test
    void anotherAttemptOrTradeGivesAnotherId() {
        assertThat(ClientOrderIds.of(TRADE, 1)).isNotEqualTo(ClientOrderIds.of(TRADE, 2));
        assertThat(ClientOrderIds.of(TRADE, 1)).isNotEqualTo(ClientOrderIds.of("another-trade", 1));
    }

    @Test
    void attemptsStartAtOne() {
        assertThatThrownBy(() -> ClientOrderIds.of(TRADE, 0)).hasMessageContaining("attempt must be 1 or more");
    }
}
