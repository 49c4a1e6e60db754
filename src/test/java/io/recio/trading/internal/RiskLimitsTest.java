package io.recio.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.market.Count;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.trading.Trade;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskLimitsTest {

    // 10 contracts per order, $20 per market, $30 in total, 2 open trades, $5 daily loss.
    private static final TradingProperties.Risk R = new TradingProperties.Risk(10, 20, 30, 2, 5,
            Duration.ofSeconds(10), Duration.ofSeconds(60));
    private static final Instant T = Instant.parse("2026-09-25T19:45:00Z");

    private static Optional<String> check(long contracts, String price, List<Trade> live, Money today) {
        return RiskLimits.check(R, Fixtures.TICKER, Count.ofContracts(contracts), Price.parse(price),
                new RiskLimits.Book(live, today, Optional.empty()));
    }

    @Test
    void anOrderWithinEveryLimitPasses() {
        assertThat(check(10, "0.95", List.of(), Money.ZERO)).isEmpty();
    }

    @Test
    void tooManyContractsInOneOrderIsBlocked() {
        assertThat(check(11, "0.10", List.of(), Money.ZERO)).get().asString()
                .contains("exceeds max contracts per order 10");
    }

    @Test
    void exposureUpToTheMarketLimitPasses() {
        List<Trade> live = List.of(Fixtures.open(1, Side.YES, 11, "0.95", T)); // $10.45 held + $9.50 new = $19.95
        assertThat(check(10, "0.95", live, Money.ZERO)).isEmpty();
    }

    @Test
    void exposureOverTheMarketLimitIsBlocked() {
        List<Trade> live = List.of(Fixtures.open(1, Side.YES, 15, "0.95", T)); // $14.25
        assertThat(check(10, "0.95", live, Money.ZERO)).get().asString().contains("above 20.0000");
    }

    @Test
    void theOpenTradeLimitIsBlocked() {
        List<Trade> live = List.of(Fixtures.open(1, Side.YES, 1, "0.10", T), Fixtures.open(2, Side.NO, 1, "0.10", T));
        assertThat(check(1, "0.10", live, Money.ZERO)).get().asString().contains("max open trades 2 reached");
    }

    @Test
    void reachingTheDailyLossLimitBlocksEntries() {
        assertThat(check(1, "0.10", List.of(), Money.parse("-5"))).get().asString()
                .contains("daily loss 5.0000 reached the limit 5.0000");
        assertThat(check(1, "0.10", List.of(), Money.parse("-4.99"))).isEmpty();
    }

    @Test
    void staleDataBlocksEverythingAndSaysWhy() {
        assertThat(RiskLimits.check(R, Fixtures.TICKER, Count.ofContracts(1), Price.parse("0.1"),
                new RiskLimits.Book(List.of(), Money.ZERO, Optional.of("BTC price is 30 s old"))))
                .contains("stale data: BTC price is 30 s old");
    }
}
