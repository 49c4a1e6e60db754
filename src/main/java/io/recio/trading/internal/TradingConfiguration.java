package io.recio.trading.internal;

import io.recio.kalshi.MarketQuote;
import io.recio.market.Money;
import io.recio.trading.venue.OrderVenue;
import io.recio.trading.venue.PaperVenue;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Wires trading's venue: paper fills against the live book held by the {@link MarketBoard}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TradingProperties.class)
class TradingConfiguration {

    @Bean
    OrderVenue orderVenue(MarketBoard board, TradingProperties properties, Clock clock) {
        return new PaperVenue(board::book, Money.ofCents(properties.paperBalance() * 100), clock);
    }

    /** Tells the paper venue when a market's book changed, so liquidity it took is offered again. */
    @Bean
    PaperBookListener paperBookListener(OrderVenue venue) {
        return new PaperBookListener(venue);
    }

    /** Forwards book changes to the paper venue. */
    static final class PaperBookListener {
        private final OrderVenue venue;

        PaperBookListener(OrderVenue venue) {
            this.venue = venue;
        }

        @EventListener
        public void onQuote(MarketQuote quote) {
            if (venue instanceof PaperVenue paper) {
                paper.bookChanged(quote.ticker());
            }
        }
    }
}
