package io.recio.trading.internal;

import io.recio.feeds.PriceTick;
import io.recio.kalshi.MarketQuote;
import io.recio.market.MarketTicker;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.trading.StrikeView;
import io.recio.trading.venue.TopOfBook;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Trading's live inputs: the latest strike-table row per market (fed by the pricing adapter), the
 * latest price tick per symbol (momentum, spot, staleness) and the latest top of book per market.
 */
@Component
public class MarketBoard {

    private final Map<MarketTicker, StrikeView> strikes = new ConcurrentHashMap<>();
    private final Map<Symbol, PriceTick> ticks = new ConcurrentHashMap<>();
    private final Map<MarketTicker, TopOfBook> books = new ConcurrentHashMap<>();
    private final Clock clock;

    public MarketBoard(Clock clock) {
        this.clock = clock;
    }

    public void update(StrikeView view) {
        strikes.put(view.ticker(), view);
    }

    @EventListener
    public void onTick(PriceTick tick) {
        ticks.put(tick.symbol(), tick);
    }

    @EventListener
    public void onQuote(MarketQuote q) {
        books.put(q.ticker(), new TopOfBook(q.yesBid(), q.yesBidSize(), q.yesAsk(), q.yesAskSize()));
    }

    public Optional<StrikeView> strike(MarketTicker ticker) {
        return Optional.ofNullable(strikes.get(ticker));
    }

    public Collection<StrikeView> strikes() {
        return strikes.values();
    }

    public Optional<TopOfBook> book(MarketTicker ticker) {
        return Optional.ofNullable(books.get(ticker));
    }

    public Optional<PriceTick> tick(Symbol symbol) {
        return Optional.ofNullable(ticks.get(symbol));
    }

    public Optional<SpotPrice> spot(Symbol symbol) {
        return tick(symbol).map(PriceTick::price);
    }

    /** Momentum (percent) of the symbol, NaN without a tick. */
    public double momentum(Symbol symbol) {
        PriceTick t = ticks.get(symbol);
        return t == null ? Double.NaN : t.momentum();
    }

    /** Why the symbol's price data is too old to trade on, or empty when fresh. */
    public Optional<String> staleness(Symbol symbol, Duration limit) {
        PriceTick t = ticks.get(symbol);
        if (t == null) {
            return Optional.of("no " + symbol + " price yet");
        }
        Duration age = Duration.between(t.at(), clock.instant()).plus(t.age());
        return age.compareTo(limit) > 0 ? Optional.of(symbol + " price is " + age.toSeconds() + " s old") : Optional.empty();
    }
}
