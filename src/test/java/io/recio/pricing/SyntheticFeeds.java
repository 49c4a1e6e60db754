package io.recio.pricing;

import io.recio.feeds.Candle;
import io.recio.feeds.PriceHistory;
import io.recio.feeds.PriceTick;
import io.recio.kalshi.MarketQuote;
import io.recio.market.Count;
import io.recio.market.EventTicker;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.SpotPrice;
import io.recio.market.Strike;
import io.recio.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/** Test inputs standing in for the feeds and kalshi modules: a seeded random-walk history, ticks and quotes. */
public final class SyntheticFeeds {

    private SyntheticFeeds() {
    }

    public static double basePrice(Symbol symbol) {
        return symbol == Symbol.BTC ? 100_000 : 3_500;
    }

    /** Three days of one-minute candles ending at the minute before {@code end}, 0.05 % moves per minute. */
    public static PriceHistory history(Instant end) {
        return new PriceHistory() {
            @Override
            public void forEachCandle(Symbol symbol, Instant from, Instant to, Consumer<Candle> sink) {
                Random random = new Random(symbol.ordinal() + 7);
                Instant first = end.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(3));
                double price = basePrice(symbol);
                for (Instant m = first; m.isBefore(end.truncatedTo(ChronoUnit.MINUTES)); m = m.plusSeconds(60)) {
                    double open = price;
                    price = price * (1 + random.nextGaussian() * 0.0005);
                    if (!m.isBefore(from) && m.isBefore(to)) {
                        SpotPrice o = SpotPrice.ofDollars(open);
                        SpotPrice c = SpotPrice.ofDollars(price);
                        sink.accept(new Candle(symbol, m, o, o.compareTo(c) > 0 ? o : c, o.compareTo(c) > 0 ? c : o, c,
                                "synthetic"));
                    }
                }
            }

            @Override
            public long count(Symbol symbol) {
                return Duration.ofDays(3).toMinutes();
            }
        };
    }

    /** A fresh tick of {@code price} at {@code at} with a small momentum. */
    public static PriceTick tick(Symbol symbol, Instant at, double price) {
        return new PriceTick(symbol, at, SpotPrice.ofDollars(price), Map.of(1, 0.01, 2, 0.02, 3, -0.01, 4, 0.0, 15, 0.05,
                30, -0.03), 0.01, SpotPrice.ofDollars(price), "synthetic", Duration.ZERO);
    }

    /**
     * Quotes of the event closing at {@code close}: strikes every {@code step} dollars around {@code spot},
     * asks near fair value (one cent wide), volume 500 contracts.
     */
    public static List<MarketQuote> quotes(Symbol symbol, Instant close, double spot, double step, int perSide,
                                           Instant at) {
        EventTicker event = EventTicker.aboveBelow(symbol, close);
        List<MarketQuote> quotes = new ArrayList<>();
        double base = Math.floor(spot / step) * step;
        for (int k = -perSide; k < perSide; k++) {
            double strike = base + k * step + step / 2 - 0.01;
            SpotPrice floor = SpotPrice.ofDollars(Math.round(strike * 100) / 100.0);
            long yesCents = Math.max(1, Math.min(98, Math.round(50 - (strike - spot) / step * 15)));
            quotes.add(new MarketQuote(MarketTicker.threshold(event, floor), Strike.above(floor), close,
                    Price.ofCents(yesCents - 1), Count.ofContracts(10), Price.ofCents(yesCents), Count.ofContracts(10),
                    Price.ofCents(yesCents), Count.ofContracts(500), at));
        }
        return quotes;
    }
}
