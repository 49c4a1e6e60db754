package io.recio.feeds.internal;

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
    PriceTickRows priceTickRows(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new PriceTickRows(jdbc, transactions);
    }
}
