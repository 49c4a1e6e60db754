package io.recio.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.RecioProperties;
import io.recio.feeds.Candle;
import io.recio.feeds.LoggedMinutes;
import io.recio.feeds.PriceHistory;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.pricing.SyntheticFeeds;
import io.recio.pricing.internal.model.HarVolatility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * After a restart the one-minute history may end days ago (the price log is rolled into it only after its
 * retention): the HAR model's trailing day comes from the logged minutes then, so it prices at once.
 */
class HarSeedingTest {

    private static final Instant NOW = Instant.parse("2026-06-10T12:00:30Z");

    /** A day of logged minutes up to now, ±0.1 % apart. */
    private static final LoggedMinutes LOG = (symbol, from, to, sink) -> {
        for (Instant m = NOW.minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
             m.isBefore(to); m = m.plusSeconds(60)) {
            if (!m.isBefore(from)) {
                SpotPrice p = SpotPrice.ofDollars(m.getEpochSecond() / 60 % 2 == 0 ? 100_000 : 100_100);
                sink.accept(new Candle(symbol, m, p, p, p, p, "price_log"));
            }
        }
    };

    private static Models seeded(LoggedMinutes log) {
        PricingProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("recio.pricing", PricingProperties.class);
        Models models = new Models(properties);
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("history", SyntheticFeeds.history(NOW.minus(Duration.ofDays(3))));
        if (log != null) {
            beans.registerSingleton("log", log);
        }
        ModelBuilds builds = new ModelBuilds(beans.getBeanProvider(PriceHistory.class),
                new SpotMinutes(beans.getBeanProvider(PriceHistory.class), beans.getBeanProvider(LoggedMinutes.class)),
                null, models, properties, Clock.fixed(NOW, ZoneOffset.UTC),
                new Binder(new MapConfigurationPropertySource(Map.of("recio.data-dir", "unused")))
                        .bindOrCreate("recio", RecioProperties.class));
        models.har().install(Symbol.BTC, HarVolatility.of(new double[]{0.25, 0.25, 0.25, 0.25}), 6);
        builds.seedHar(Symbol.BTC);
        models.har().observe(Symbol.BTC, NOW, 100_000);
        return models;
    }

    @Test
    void thePriceLogsMinutesFillTheDayTheHistoryLacks() {
        assertThat(seeded(LOG).preferred(Symbol.BTC).name()).isEqualTo("har");
    }

    @Test
    void withHistoryDaysOldAndNoLoggedMinutesHarIsNotReady() {
        assertThat(seeded(null).har().isReady(Symbol.BTC)).isFalse();
    }
}
