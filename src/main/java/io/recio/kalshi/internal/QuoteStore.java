package io.recio.kalshi.internal;

import io.recio.kalshi.MarketQuote;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes market quotes to {@code live_data.market_quote}; the watchdog decides the rate (≤ 1 row/market/s). */
@Repository
public class QuoteStore {

    private final JdbcClient jdbc;

    QuoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<MarketQuote> quotes) {
        for (MarketQuote q : quotes) {
            jdbc.sql("""
                    INSERT INTO live_data.market_quote (ticker, event_ticker, symbol, yes_bid, yes_bid_size, yes_ask,
                        yes_ask_size, last_price, volume, observed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(q.ticker().toString(), q.ticker().event().toString(), q.ticker().event().symbol().name(),
                            q.yesBid().units(), q.yesBidSize().units(), q.yesAsk().units(), q.yesAskSize().units(),
                            q.lastPrice() == null ? null : q.lastPrice().units(), q.volume().units(),
                            Timestamp.from(q.at()))
                    .update();
        }
    }

    /** Deletes the quotes observed before {@code cutoff}; returns how many went. */
    public int deleteBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM live_data.market_quote WHERE observed_at < ?").param(Timestamp.from(cutoff))
                .update();
    }

    /** How many rows a market has (for checks and the admin panel). */
    public long count(String ticker) {
        return jdbc.sql("SELECT COUNT(*) FROM live_data.market_quote WHERE ticker = ?").param(ticker)
                .query(Long.class).single();
    }
}
