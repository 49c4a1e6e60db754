package io.recio.feeds.internal;

import io.recio.kalshi.IndexValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Feeds Kalshi's CF Benchmarks index prints into the {@link SourceBoard} as the fallback source. A print whose
 * index time is already older than {@code stale-after} (a replay, a backlog) is not a live price and is ignored.
 */
@Component
class FallbackIndexListener {

    private final SourceBoard board;
    private final Clock clock;

    private final Duration staleAfter;

    FallbackIndexListener(SourceBoard board, FeedsProperties properties, Clock clock) {
        this.board = board;
        this.staleAfter = properties.staleAfter();
        this.clock = clock;
    }

    @EventListener
    void on(IndexValue value) {
        if (value.value() == null || value.value().units() <= 0) {
            return;
        }
        Instant now = clock.instant();
        if (value.at() != null && value.at().isBefore(now.minus(staleAfter))) {
            return;
        }
        board.indexValue(value.symbol(), value.value(), now);
    }
}
