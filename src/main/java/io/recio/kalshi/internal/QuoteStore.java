package io.recio.kalshi.internal;

import io.recio.kalshi.MarketQuote;
import io.recio.kalshi.RecordedQuotes;
import io.recio.market.MarketTicker;
import io.recio.market.Price;
import io.recio.market.Symbol;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes market quotes to {@code live_data.market_quote} (the watchdog decides the rate, ≤ 1 row/market/s) and
 * reads them back for {@code model evaluate}.
 */
@Repository
public class QuoteStore implements RecordedQuotes {

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

    @Override
    public Optional<Instant> oldest(Symbol symbol) {
        Timestamp t = jdbc.sql("SELECT MIN(observed_at) FROM live_data.market_quote WHERE symbol = ?")
                .param(symbol.name()).query(Timestamp.class).optional().orElse(null);
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    @Override
    public void forEachQuote(Symbol symbol, Instant from, Instant to, Consumer<Quote> sink) {
        jdbc.sql("""
                        SELECT ticker, yes_bid, yes_ask, observed_at FROM live_data.market_quote
                        WHERE symbol = ? AND observed_at >= ? AND observed_at < ? ORDER BY observed_at""")
                .params(symbol.name(), Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    sink.accept(new Quote(MarketTicker.parse(rs.getString(1)), new Price(rs.getLong(2)),
                            new Price(rs.getLong(3)), rs.getTimestamp(4).toInstant()));
                });
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
