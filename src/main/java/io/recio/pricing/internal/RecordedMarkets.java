package io.recio.pricing.internal;

import io.recio.kalshi.RecordedQuotes;
import io.recio.market.Symbol;
import io.recio.pricing.internal.eval.MarketHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** recio's own recorded Kalshi quotes and the spot it logged, as the market history {@code model evaluate} scores. */
@Component
public class RecordedMarkets {

    /** The trailing volatility beside the first quote needs the hour of spot before it. */
    private static final Duration SPOT_BEFORE = Duration.ofHours(2);

    private final ObjectProvider<RecordedQuotes> quotes;
    private final SpotMinutes spot;
    private final Clock clock;

    RecordedMarkets(ObjectProvider<RecordedQuotes> quotes, SpotMinutes spot, Clock clock) {
        this.quotes = quotes;
        this.spot = spot;
        this.clock = clock;
    }

    /** Every recorded quote of {@code symbol}'s settled hourly markets, read an hour at a time to bound memory. */
    public MarketHistory.Data load(Symbol symbol) {
        RecordedQuotes source = quotes.getIfAvailable();
        Optional<Instant> oldest = source == null ? Optional.empty() : source.oldest(symbol);
        if (oldest.isEmpty()) {
            return new MarketHistory.Data(List.of(), new TreeMap<>(), 0);
        }
        Instant now = clock.instant();
        Instant from = oldest.get().truncatedTo(ChronoUnit.HOURS);
        MarketHistory.Recorded recorded = new MarketHistory.Recorded();
        for (Instant hour = from; hour.isBefore(now); hour = hour.plus(Duration.ofHours(1))) {
            source.forEachQuote(symbol, hour, hour.plus(Duration.ofHours(1)), recorded::add);
        }
        return recorded.build(spot.between(symbol, from.minus(SPOT_BEFORE), now));
    }
}
