package io.recio.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.feeds.PriceTick;
import io.recio.market.Count;
import io.recio.market.MarketTicker;
import io.recio.market.Money;
import io.recio.market.Price;
import io.recio.market.Side;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.replay.MakerBook;
import io.recio.trading.CloseMethod;
import io.recio.trading.SimulatedAccount;
import io.recio.trading.StrategySettings;
import io.recio.trading.StrikeView;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A backtest account against the in-process exchange on a fixed book and a fixed sequence of prices, checked
 * to the cent against trades worked by hand. The book: YES bids 60¢ × 100 and 59¢ × 200, YES asks 62¢ × 100
 * and 63¢ × 200. The taker fee is ⌈0.07 × C × P × (1 − P)⌉ to $0.0001 per fill.
 */
class HandWorkedTradesTest {

    static final MarketTicker TICKER = MarketTicker.parse("KXBTCD-25JAN0810-T94999.99");
    static final Instant CLOSE = TICKER.event().close();
    static final List<MakerBook.Level> BOOK = List.of(new MakerBook.Level(true, 60, 100),
            new MakerBook.Level(true, 59, 200), new MakerBook.Level(false, 62, 100), new MakerBook.Level(false, 63, 200));

    final ReplayExchange exchange = new ReplayExchange(t -> BOOK);
    final SimulatedAccount account = new SimulatedAccount(StrategySettings.of(Map.of(
            "auto-entry.position-size", "150", "auto-entry.min-probability", "70", "auto-entry.cooldown-seconds", "0",
            "auto-stop.min-hold-seconds", "60", "auto-stop.verify-seconds", "0", "auto-stop.momentum-stop-enabled",
            "false", "risk.max-contracts-per-order", "1000", "risk.max-exposure-per-market", "1000",
            "risk.max-total-exposure", "1000")), exchange, "backtest");

    @Test
    void anEntryTakesTheAskLevelsUpToItsPriceAndSettlesAtOneDollar() {
        pass(CLOSE.minusSeconds(600), 0.80);
        settleYes();

        Trade t = only();
        // 150 wanted at 0.62 or better: only the 100 at 62¢ qualify (63¢ is worse), so a partial fill.
        assertThat(t.requested()).isEqualTo(Count.ofContracts(150));
        assertThat(t.contracts()).isEqualTo(Count.ofContracts(100));
        assertThat(t.entryPrice()).isEqualTo(Price.parse("0.62"));
        // fee: 0.07 × 100 × 0.62 × 0.38 = 1.6492
        assertThat(t.fees()).isEqualTo(Money.parse("1.6492"));
        // payout 100 × $1 − cost $62.00 − fee 1.6492
        assertThat(t.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(t.payout()).isEqualTo(Money.parse("100.0000"));
        assertThat(t.pnl()).isEqualTo(Money.parse("36.3508"));
    }

    @Test
    void anAutoStopSellsAtTheBidLessTheSlippageWithItsOwnFee() {
        pass(CLOSE.minusSeconds(600), 0.80);
        pass(CLOSE.minusSeconds(590), 0.35); // below 40 but held only 10 s: holds
        assertThat(only().status()).isEqualTo(TradeStatus.OPEN);
        pass(CLOSE.minusSeconds(540), 0.35); // held 60 s: closes with a sell at 0.60 − 0.05 = 0.55 or better

        Trade t = only();
        assertThat(t.status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(t.closeMethod()).isEqualTo(CloseMethod.AUTO);
        assertThat(t.closeReason()).startsWith("auto-stop: YES probability 35.00 below 40.00");
        // the 100 held sell into the 60¢ bid (100 deep): proceeds $60.00, fee 0.07 × 100 × 0.60 × 0.40 = 1.68
        assertThat(t.exitPrice()).isEqualTo(Price.parse("0.60"));
        assertThat(t.fees()).isEqualTo(Money.parse("3.3292"));
        assertThat(t.pnl()).isEqualTo(Money.parse("-5.3292"));
    }

    @Test
    void depthTakenInASecondIsGoneUntilTheMakersRequote() {
        SimulatedAccount second = new SimulatedAccount(StrategySettings.of(Map.of("auto-entry.position-size", "80",
                "auto-entry.cooldown-seconds", "0")), exchange, "other");
        Instant at = CLOSE.minusSeconds(600);
        pass(at, 0.80); // takes the 100 at 62¢
        exchange.at(at);
        second.pass(at, views(at, 0.80), s -> null);

        Trade other = second.trades().getFirst();
        // in the same second nothing is left at 62¢, and 63¢ is above the order's price: no fill
        assertThat(other.status()).isEqualTo(TradeStatus.REJECTED);
        assertThat(other.rejectReason()).isEqualTo("no fill at 0.6200 or better");
    }

    @Test
    void aNoEntryPaysTheComplementOfTheYesBid() {
        pass(CLOSE.minusSeconds(600), 0.10);
        settleNo();

        Trade t = only();
        // NO at 1 − 0.60 = 0.40: 100 from the 60¢ YES bid (59¢ would be NO at 0.41, above the order's price)
        assertThat(t.side()).isEqualTo(Side.NO);
        assertThat(t.contracts()).isEqualTo(Count.ofContracts(100));
        assertThat(t.entryPrice()).isEqualTo(Price.parse("0.40"));
        // fee 0.07 × 100 × 0.40 × 0.60 = 1.68; pnl 100 − 40 − 1.68
        assertThat(t.fees()).isEqualTo(Money.parse("1.6800"));
        assertThat(t.pnl()).isEqualTo(Money.parse("58.3200"));
    }

    private void pass(Instant at, double probYes) {
        exchange.at(at);
        account.pass(at, views(at, probYes), s -> tick(at));
    }

    private void settleYes() {
        account.pass(CLOSE, Map.of(), s -> tick(CLOSE));
        account.settle(TICKER, Side.YES, CLOSE);
    }

    private void settleNo() {
        account.pass(CLOSE, Map.of(), s -> tick(CLOSE));
        account.settle(TICKER, Side.NO, CLOSE);
    }

    private Trade only() {
        assertThat(account.trades()).hasSize(1);
        return account.trades().getFirst();
    }

    /** The strike row as the backtest builds it from the book and a probability. */
    static Map<MarketTicker, StrikeView> views(Instant at, double probYes) {
        Price bid = Price.parse("0.60");
        Price ask = Price.parse("0.62");
        Map<MarketTicker, StrikeView> views = new LinkedHashMap<>();
        views.put(TICKER, new StrikeView(TICKER, TICKER.tokenValue(), CLOSE, probYes, bid, ask,
                new Money(Math.round((probYes * 100 - 62 - 0.07 * 0.62 * 0.38 * 100) * 100)),
                new Money(Math.round(((1 - probYes) * 100 - 40 - 0.07 * 0.40 * 0.60 * 100) * 100)), Count.ZERO,
                SpotPrice.parse("95000"), at, false));
        return views;
    }

    static PriceTick tick(Instant at) {
        return new PriceTick(Symbol.BTC, at, SpotPrice.parse("95000"), Map.of(), 0.0, SpotPrice.parse("95000"),
                "test", Duration.ZERO);
    }
}
