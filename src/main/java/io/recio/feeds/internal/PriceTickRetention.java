package io.recio.feeds.internal;

import io.recio.market.Symbol;
import io.recio.ops.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keeps the one-second price log ({@code live_data.price_tick}) for {@code recio.feeds.retention}: older seconds
 * are first rolled up into one-minute candles ({@code historical_data.candle_1m}, by {@link PriceLogMinutes}), where
 * the history has no candle for that minute yet, then deleted. So the history the models learn from stays whole
 * while the seconds table stays bounded. Works an hour of seconds at a time, oldest first.
 */
@Component
class PriceTickRetention implements RetentionPolicy {

    private final PriceTickRows rows;
    private final PriceLogMinutes minutes;
    private final CandleStore candles;
    private final Duration keep;

    PriceTickRetention(PriceTickRows rows, PriceLogMinutes minutes, CandleStore candles, FeedsProperties properties) {
        this.rows = rows;
        this.minutes = minutes;
        this.candles = candles;
        this.keep = properties.retention();
    }

    @Override
    public String table() {
        return "live_data.price_tick";
    }

    @Override
    public Duration keep() {
        return keep;
    }

    @Override
    public int apply(Instant now) {
        // whole minutes only, so a rolled-up candle never misses the rest of its minute
        Instant cutoff = now.minus(keep).truncatedTo(ChronoUnit.MINUTES);
        int deleted = 0;
        for (Symbol symbol : Symbol.values()) {
            for (Instant oldest = rows.oldest(symbol); oldest != null && oldest.isBefore(cutoff);
                 oldest = rows.oldest(symbol)) {
                Instant from = oldest.truncatedTo(ChronoUnit.MINUTES);
                Instant to = from.plus(Duration.ofHours(1));
                if (to.isAfter(cutoff)) {
                    to = cutoff;
                }
                candles.insert(rollUp(symbol, from, to));
                deleted += rows.deleteBefore(symbol, to);
            }
        }
        return deleted;
    }

    /** One candle per minute of [from, to) that has logged seconds. */
    private List<CandleRow> rollUp(Symbol symbol, Instant from, Instant to) {
        List<CandleRow> rolled = new ArrayList<>();
        minutes.forEachMinute(symbol, from, to, c -> rolled.add(new CandleRow(c, null)));
        return rolled;
    }
}
