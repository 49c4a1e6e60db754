package io.recio.feeds.internal;

import io.recio.market.Symbol;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The feeds module's plain objects as beans. */
@Configuration(proxyBeanMethods = false)
class FeedsConfiguration {

    @Bean
    SourceBoard sourceBoard(FeedsProperties properties) {
        return new SourceBoard(properties.staleAfter());
    }

    @Bean
    SymbolPriceWatchdog btcPriceWatchdog(PriceLog log, Watchdogs watchdogs, FeedsProperties properties, Clock clock) {
        return new SymbolPriceWatchdog(Symbol.BTC, log, watchdogs, properties, clock);
    }

    @Bean
    SymbolPriceWatchdog ethPriceWatchdog(PriceLog log, Watchdogs watchdogs, FeedsProperties properties, Clock clock) {
        return new SymbolPriceWatchdog(Symbol.ETH, log, watchdogs, properties, clock);
    }

    @Bean
    PriceTickRows priceTickRows(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new PriceTickRows(jdbc, transactions);
    }
}
