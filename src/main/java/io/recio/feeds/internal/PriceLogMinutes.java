package io.recio.feeds.internal;

import io.recio.feeds.Candle;
import io.recio.feeds.LoggedMinutes;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Rolls the stored seconds of the price log up into one-minute candles (source {@value #SOURCE}): for the retention
 * that moves old seconds into the history, and for the models that need the recent minutes before that.
 */
@Component
class PriceLogMinutes implements LoggedMinutes {

    /** The source of a candle rolled up from the price log. */
    static final String SOURCE = "price_log";

    private final PriceTickRows rows;

    PriceLogMinutes(PriceTickRows rows) {
        this.rows = rows;
    }

    @Override
    public void forEachMinute(Symbol symbol, Instant from, Instant to, Consumer<Candle> sink) {
        MinuteBuilder[] current = {null};
        rows.forEach(symbol, from, to, point -> {
            Instant minute = point.at().truncatedTo(ChronoUnit.MINUTES);
            if (current[0] == null || !current[0].start.equals(minute)) {
                if (current[0] != null) {
                    sink.accept(current[0].candle(symbol));
                }
                current[0] = new MinuteBuilder(minute, point.priceUnits());
            }
            current[0].add(point.priceUnits());
        });
        if (current[0] != null) {
            sink.accept(current[0].candle(symbol));
        }
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

        Candle candle(Symbol symbol) {
            return new Candle(symbol, start, new SpotPrice(open), new SpotPrice(high), new SpotPrice(low),
                    new SpotPrice(close), SOURCE);
        }
    }
}
