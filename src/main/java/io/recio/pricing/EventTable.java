package io.recio.pricing;

import io.recio.market.EventTicker;
import java.time.Instant;
import java.util.List;

/**
 * The strikes of one hourly event, ordered by strike.
 *
 * @param event          the event
 * @param close          when it closes
 * @param secondsToClose seconds from the table's computation to the close
 * @param bookAt         when the newest quote of its book was observed (null when no quote)
 * @param rows           every strike
 */
public record EventTable(EventTicker event, Instant close, long secondsToClose, Instant bookAt, List<StrikeRow> rows) {

    public EventTable {
        rows = List.copyOf(rows);
    }
}
