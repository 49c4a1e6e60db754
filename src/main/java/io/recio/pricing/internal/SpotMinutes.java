package io.recio.pricing.internal;

import io.recio.feeds.LoggedMinutes;
import io.recio.feeds.PriceHistory;
import io.recio.market.Symbol;
import io.recio.pricing.internal.model.MinuteSeries;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one-minute spot of a recent period from the feeds module: the one-minute history, and where the price log
 * holds a minute (recent seconds are rolled into the history only after the log's retention), the logged minute.
 */
@Component
public class SpotMinutes {

    private final ObjectProvider<PriceHistory> history;
    private final ObjectProvider<LoggedMinutes> logged;

    SpotMinutes(ObjectProvider<PriceHistory> history, ObjectProvider<LoggedMinutes> logged) {
        this.history = history;
        this.logged = logged;
    }

    /** The minutes of [from, to) on a grid starting at {@code from}'s minute, missing ones NaN. */
    public MinuteSeries between(Symbol symbol, Instant from, Instant to) {
        MinuteSeries.Builder minutes = MinuteSeries.builder();
        // the grid starts at the period's first minute, whichever source holds it
        minutes.add(from, Double.NaN, Double.NaN);
        PriceHistory h = history.getIfAvailable();
        if (h != null) {
            h.forEachCandle(symbol, from, to, minutes::add);
        }
        LoggedMinutes log = logged.getIfAvailable();
        if (log != null) {
            log.forEachMinute(symbol, from, to, minutes::add);
        }
        return minutes.build();
    }
}
