package io.recio.feeds;

import io.recio.market.Symbol;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The one-second price log ({@code live_data.price_tick}) rolled up into one-minute candles: the recent minutes the
 * one-minute history does not hold until the log's retention rolls them into it.
 */
public interface LoggedMinutes {

    /** Calls {@code sink} with one candle per minute of [from, to) that has logged seconds, oldest first. */
    void forEachMinute(Symbol symbol, Instant from, Instant to, Consumer<Candle> sink);
}
