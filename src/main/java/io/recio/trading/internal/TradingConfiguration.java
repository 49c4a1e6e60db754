package io.recio.trading.internal;

import io.recio.Mode;
import io.recio.RecioProperties;
import io.recio.kalshi.KalshiTrading;
import io.recio.kalshi.MarketQuote;
import io.recio.trading.internal.adapters.KalshiOrderVenue;
import io.recio.market.Money;
import io.recio.trading.venue.OrderVenue;
import io.recio.trading.venue.PaperVenue;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Wires trading's venue: paper fills against the live book held by the {@link MarketBoard}, or Kalshi. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TradingProperties.class, TradingLeaseProperties.class})
class TradingConfiguration {

    @Bean
    OrderVenue orderVenue(MarketBoard board, TradingProperties properties, RecioProperties recio, KalshiTrading kalshi,
                          Clock clock) {
        boolean paper = properties.venue().equals("paper")
                || (properties.venue().equals("auto") && recio.mode() == Mode.PAPER);
        if (paper) {
            return new PaperVenue(board::book, Money.ofCents(properties.paperBalance() * 100), clock);
        }
        return new KalshiOrderVenue(kalshi, "kalshi-" + recio.mode().name().toLowerCase(java.util.Locale.ROOT));
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
