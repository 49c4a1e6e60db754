package io.recio.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.feeds.Candle;
import io.recio.market.Fees;
import io.recio.market.Money;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.trading.StrategySettings;
import io.recio.trading.Trade;
import io.recio.trading.TradeStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Whole replays of a small synthetic history: whole hours traded, gaps skipped, figures that add up, the same every time. */
class ReplayTest {

    static final Instant FROM = Instant.parse("2025-01-08T00:00:00Z");
    static final Instant TO = Instant.parse("2025-01-08T06:00:00Z");
    final StrategySettings settings = StrategySettings.of(Map.of("auto-entry.min-probability", "60"));

    @Test
    void everyWholeHourIsTradedAndTheFiguresAddUp() {
        History history = History.of(Symbol.BTC, FROM, TO, walk(-24 * 60, 6 * 60 + 1, 7));
        Replay.Result r = new Replay(history, settings, 1).run(f -> { });
        Report report = Report.of("t", history, "walk", r, settings.values(), 1, FROM);

        assertThat(r.hoursTraded()).isEqualTo(6);
        assertThat(report.summary().trades()).isPositive();
        long net = 0;
        long fees = 0;
        for (Trade t : r.filled()) {
            long payout = t.payout() == null ? 0 : t.payout().units();
            long proceeds = t.exitPrice() == null ? 0 : Money.cost(t.closedContracts(), t.exitPrice()).units();
            long cost = Money.cost(t.contracts(), t.entryPrice()).units();
            // a single-level fill: the fee is the taker fee of the whole order at its price
            assertThat(t.pnl().units()).isEqualTo(payout + proceeds - cost - t.fees().units());
            assertThat(t.fees().units()).isGreaterThanOrEqualTo(Fees.takerFee(t.contracts(), t.entryPrice()).units());
            net += t.pnl().units();
            fees += t.fees().units();
        }
        assertThat(report.summary().netPnl()).isEqualTo(Report.dollars(net));
        assertThat(report.summary().fees()).isEqualTo(Report.dollars(fees));
        assertThat(report.summary().grossPnl()).isEqualTo(Report.dollars(net + fees));
        assertThat(r.trades()).allSatisfy(t -> assertThat(t.status()).isIn(TradeStatus.SETTLED, TradeStatus.CLOSED,
                TradeStatus.REJECTED));
        assertThat(report.forecasts().count()).isGreaterThanOrEqualTo(6L * 60 * 31);
    }

    @Test
    void theSameHistoryAndSeedGiveTheSameTrades() {
        History history = History.of(Symbol.BTC, FROM, TO, walk(-24 * 60, 6 * 60 + 1, 7));

        List<Trade> first = new Replay(history, settings, 1).run(f -> { }).trades();
        List<Trade> second = new Replay(history, settings, 1).run(f -> { }).trades();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void leavingOutStrikesTheGatesWouldRefuseChangesNoTradeAndNoScore() {
        History history = History.of(Symbol.BTC, FROM, TO, walk(-24 * 60, 6 * 60 + 1, 11));
        for (StrategySettings s : List.of(settings, StrategySettings.defaults(),
                StrategySettings.of(Map.of("auto-entry.min-probability", "0", "auto-entry.min-edge", "0",
                        "auto-entry.max-ask", "0.99", "auto-entry.cooldown-seconds", "1")))) {
            Replay.Result skipping = new Replay(history, s, 1).run(f -> { });
            Replay.Result everyStrike = new Replay(history, s, 1, true).run(f -> { });

            assertThat(skipping.trades()).isNotEmpty().isEqualTo(everyStrike.trades());
            assertThat(skipping.blockedEntries()).isEqualTo(everyStrike.blockedEntries());
            assertThat(skipping.scores().brier()).isEqualTo(everyStrike.scores().brier());
        }
    }

    @Test
    void anHourWithAGapIsSkippedAndCounted() {
        List<Candle> candles = walk(-24 * 60, 6 * 60 + 1, 7);
        candles.removeIf(c -> c.start().equals(FROM.plusSeconds(130 * 60))); // a minute missing in the third hour
        History history = History.of(Symbol.BTC, FROM, TO, candles);

        Replay.Result r = new Replay(history, settings, 1).run(f -> { });
        Report report = Report.of("t", history, "walk", r, settings.values(), 1, FROM);

        assertThat(report.data().hoursTraded()).isEqualTo(5);
        assertThat(report.data().hoursSkipped()).isEqualTo(1);
        assertThat(report.data().missingMinutes()).isEqualTo(1);
        assertThat(r.trades()).noneMatch(t -> t.marketClose().equals(FROM.plusSeconds(3 * 3600)));
    }

    @Test
    void aReportSurvivesItsJson() throws Exception {
        History history = History.of(Symbol.BTC, FROM, FROM.plusSeconds(3600), walk(-120, 61, 3));
        Replay.Result r = new Replay(history, settings, 1).run(f -> { });
        Report report = Report.of("t", history, "walk", r, settings.values(), 1, FROM);

        Report back = Backtests.JSON.readValue(Backtests.JSON.writeValueAsString(report), Report.class);

        assertThat(back.summary()).isEqualTo(report.summary());
        assertThat(Html.render(back)).contains("<svg", "href=\"report.css\"").doesNotContain("<script", "<style", "style=");
        assertThat(back.summary().netPnl()).isInstanceOf(BigDecimal.class);
    }

    /** A random walk of one-minute candles (about 0.05 % a minute) for minutes [from, to) around {@link #FROM}. */
    static List<Candle> walk(int from, int to, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Candle> out = new ArrayList<>();
        double price = 95_000;
        for (int i = from; i < to; i++) {
            double open = price;
            double close = open * Math.exp(0.0005 * random.nextGaussian());
            double high = Math.max(open, close) * (1 + 0.0002 * random.nextDouble());
            double low = Math.min(open, close) * (1 - 0.0002 * random.nextDouble());
            out.add(new Candle(Symbol.BTC, FROM.plusSeconds(i * 60L), SpotPrice.ofDollars(open),
                    SpotPrice.ofDollars(high), SpotPrice.ofDollars(low), SpotPrice.ofDollars(close), "walk"));
            price = close;
        }
        return out;
    }
}
