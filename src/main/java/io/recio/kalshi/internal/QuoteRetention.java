package io.recio.kalshi.internal;

import io.recio.ops.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code live_data.market_quote} for {@code recio.kalshi.quote-retention}: a row per market per second is the
 * database's fastest-growing table, and nothing reads quotes older than the events they belong to.
 */
@Component
class QuoteRetention implements RetentionPolicy {

    private final QuoteStore store;
    private final Duration keep;

    QuoteRetention(QuoteStore store, KalshiProperties properties) {
        this.store = store;
        this.keep = properties.quoteRetention();
    }

    @Override
    public String table() {
        return "live_data.market_quote";
    }

    @Override
    public Duration keep() {
        return keep;
    }

    @Override
    public int apply(Instant now) {
        return store.deleteBefore(now.minus(keep));
    }
}
