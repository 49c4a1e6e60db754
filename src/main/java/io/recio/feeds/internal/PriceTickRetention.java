package io.recio.feeds.internal;

import io.recio.feeds.Candle;
import io.recio.market.SpotPrice;
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
 * are first rolled up into one-minute candles ({@code historical_data.candle_1m}, source {@value #SOURCE}), where
 * the history has no candle for that minute yet, then deleted. So the history the models learn from stays whole
 * while the seconds table stays bounded. Works an hour of seconds at a time, oldest first.
 */
@Component
class PriceTickRetention implements RetentionPolicy {

    /** The source of a candle rolled up from the price log. */
    static final String SOURCE = "price_log";

    private final PriceTickRows rows;
    private final CandleStore candles;
    private final Duration keep;

    PriceTickRetention(PriceTickRows rows, CandleStore candles, FeedsProperties properties) {
        this.rows = rows;
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
        List<CandleRow> minutes = new ArrayList<>();
        MinuteBuilder[] current = {null};
        rows.forEach(symbol, from, to, point -> {
            Instant minute = point.at().truncatedTo(ChronoUnit.MINUTES);
            if (current[0] == null || !current[0].start.equals(minute)) {
                if (current[0] != null) {
                    minutes.add(current[0].candle(symbol));
                }
                current[0] = new MinuteBuilder(minute, point.priceUnits());
            }
            current[0].add(point.priceUnits());
        });
        if (current[0] != null) {
            minutes.add(current[0].candle(symbol));
        }
        return minutes;
    }

    /** The open, high, low and close of one minute, seconds added in time order. */
    private static final class MinuteBuilder {
        private final Instant start;
        private final long open;
        private long high;
        private long low;
        private long close;

        MinuteBuilder(Instant start, long open) {
            this.start = start;
            this.open = open;
            this.high = open;
            this.low = open;
            this.close = open;
        }

        void add(long price) {
            high = Math.max(high, price);
            low = Math.min(low, price);
            close = price;
        }

        CandleRow candle(Symbol symbol) {
            return new CandleRow(new Candle(symbol, start, new SpotPrice(open), new SpotPrice(high),
                    new SpotPrice(low), new SpotPrice(close), SOURCE), null);
        }
    }
}
