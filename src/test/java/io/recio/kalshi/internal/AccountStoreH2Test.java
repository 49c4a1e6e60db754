package io.recio.kalshi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.kalshi.BookSide;
import io.recio.kalshi.KalshiBalance;
import io.recio.kalshi.KalshiFill;
import io.recio.kalshi.KalshiOrder;
import io.recio.kalshi.KalshiPosition;
import io.recio.kalshi.KalshiSettlement;
import io.recio.kalshi.MarketQuote;
import io.recio.kalshi.OrderStatus;
import io.recio.kalshi.RecordedQuotes;
import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Strike;
import io.recio.market.Symbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The account mirror's idempotent writes on the demo database (H2 in PostgreSQL mode, same migrations). */
class AccountStoreH2Test {

    private static final Instant NOW = Instant.parse("2026-09-25T19:30:00Z");

    private AccountStore store;
    private QuoteStore quotes;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:kalshi-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        store = new AccountStore(JdbcClient.create(dataSource));
        quotes = new QuoteStore(JdbcClient.create(dataSource));
    }

    private static KalshiFill fill(String tradeId) {
        return new KalshiFill(tradeId, "o1", "KXBTCD-26SEP2516-T89999.99", Side.NO, BookSide.ASK, Count.ofContracts(2),
                Price.parse("0.33"), true, Money.parse("0.031"), NOW, 2);
    }

    private static KalshiOrder order(OrderStatus status, long filled) {
        return new KalshiOrder("o1", "t1-a1", "KXBTCD-26SEP2516-T89999.99", Side.YES, BookSide.BID, status,
                Price.parse("0.49"), Count.ofContracts(4), Count.ofContracts(filled), Count.ofContracts(4 - filled),
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, NOW, NOW);
    }

    @Test
    void fillIsRecordedOnceByTradeId() {
        assertThat(store.addFill(fill("f1"), "ws", NOW)).isTrue();
        assertThat(store.addFill(fill("f1"), "rest", NOW)).isFalse();

        assertThat(store.fills(10)).containsExactly(fill("f1"));
    }

    @Test
    void settlementIsRecordedOnceByTickerAndTime() {
        KalshiSettlement s = new KalshiSettlement("KXBTCD-26SEP2516-T89999.99", "KXBTCD-26SEP2516", "yes",
                Count.ofContracts(3), Money.parse("1.47"), Count.ZERO, Money.ZERO, Money.parse("3"), Money.ZERO,
                Instant.parse("2026-09-25T20:02:48Z"));

        assertThat(store.addSettlement(s, NOW)).isTrue();
        assertThat(store.addSettlement(s, NOW)).isFalse();
        assertThat(store.settlements(10)).containsExactly(s);
    }

    @Test
    void positionIsUpsertedAndReportsOnlyChanges() {
        KalshiPosition p = new KalshiPosition("M", Count.ofContracts(5), Money.parse("2.5"), Money.ZERO, Money.ZERO, NOW);

        assertThat(store.putPosition(p, NOW)).isTrue();
        assertThat(store.putPosition(p, NOW)).isFalse();
        assertThat(store.putPosition(new KalshiPosition("M", Count.ofContracts(-1), Money.parse("0.5"), Money.ZERO,
                Money.ZERO, NOW), NOW)).isTrue();
        assertThat(store.openPositions()).singleElement()
                .satisfies(stored -> assertThat(stored.position()).isEqualTo(Count.ofContracts(-1)));
    }

    @Test
    void orderIsUpsertedByIdAndLeavesTheRestingListWhenExecuted() {
        assertThat(store.putOrder(order(OrderStatus.RESTING, 0), NOW)).isTrue();
        assertThat(store.putOrder(order(OrderStatus.RESTING, 0), NOW)).isFalse();
        assertThat(store.restingOrders()).hasSize(1);

        assertThat(store.putOrder(order(OrderStatus.EXECUTED, 4), NOW)).isTrue();

        assertThat(store.restingOrders()).isEmpty();
    }

    @Test
    void balanceIsKeptPerShardWithTheTotal() {
        KalshiBalance b = new KalshiBalance(Money.parse("100"), Money.parse("5"), Map.of(0, Money.parse("10"),
                2, Money.parse("90")), NOW);

        assertThat(store.putBalance(b, NOW)).isTrue();
        assertThat(store.putBalance(b, NOW)).isFalse();

        assertThat(store.balance()).isEqualTo(b);
    }

    @Test
    void quoteRowsKeepFixedPointUnits() {
        MarketTicker ticker = MarketTicker.parse("KXBTCD-26SEP2516-T89999.99");
        quotes.insert(List.of(new MarketQuote(ticker, Strike.above(SpotPrice.parse("89999.99")),
                Instant.parse("2026-09-25T20:00:00Z"), Price.parse("0.48"), Count.ofContracts(10), Price.parse("0.52"),
                Count.ofContracts(7), null, Count.ZERO, NOW)));

        assertThat(quotes.count(ticker.toString())).isEqualTo(1);
    }

    @Test
    void recordedQuotesReadBackBySymbolAndPeriodOldestFirst() {
        MarketTicker btc = MarketTicker.parse("KXBTCD-26SEP2516-T89999.99");
        MarketTicker eth = MarketTicker.parse("KXETHD-26SEP2516-T3999.99");
        for (int s = 2; s >= 0; s--) {
            quotes.insert(List.of(new MarketQuote(btc, Strike.above(SpotPrice.parse("89999.99")),
                    Instant.parse("2026-09-25T20:00:00Z"), Price.parse("0.4" + s), Count.ofContracts(10),
                    Price.parse("0.5" + s), Count.ofContracts(7), null, Count.ZERO, NOW.plusSeconds(s))));
        }
        quotes.insert(List.of(new MarketQuote(eth, Strike.above(SpotPrice.parse("3999.99")),
                Instant.parse("2026-09-25T20:00:00Z"), Price.parse("0.30"), Count.ofContracts(1), Price.parse("0.35"),
                Count.ofContracts(1), null, Count.ZERO, NOW)));

        List<RecordedQuotes.Quote> read = new ArrayList<>();
        quotes.forEachQuote(Symbol.BTC, NOW, NOW.plusSeconds(2), read::add);

        assertThat(read).containsExactly(
                new RecordedQuotes.Quote(btc, Price.parse("0.40"), Price.parse("0.50"), NOW),
                new RecordedQuotes.Quote(btc, Price.parse("0.41"), Price.parse("0.51"),
                        NOW.plusSeconds(1)));
        assertThat(quotes.oldest(Symbol.ETH)).contains(NOW);
    }
}
