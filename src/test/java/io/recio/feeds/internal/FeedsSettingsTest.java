package io.recio.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.market.Symbol;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The feeds settings refuse values that cannot work, naming what is allowed; back-off stays in its bounds. */
class FeedsSettingsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static FeedsProperties settings(URI url, Duration staleAfter, Duration min, Duration max, int jump) {
        return new FeedsProperties(List.of(Symbol.BTC, Symbol.ETH), url, URI.create("https://api.exchange.coinbase.com"),
                staleAfter, min, max, jump, Duration.ofSeconds(2), Duration.ofDays(30), 21, Map.of(), 3);
    }

    private static List<String> messages(FeedsProperties p) {
        Set<ConstraintViolation<FeedsProperties>> violations = VALIDATOR.validate(p);
        return violations.stream().map(ConstraintViolation::getMessage).toList();
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(messages(settings(null, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60), 50)))
                .isEmpty();
    }

    @Test
    void aFeedUrlThatIsNotAWebSocketIsRefused() {
        assertThat(messages(settings(URI.create("https://ws-feed.exchange.coinbase.com"), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(60), 50)))
                .containsExactly("coinbase-url must be a ws:// or wss:// URL");
    }

    @Test
    void backOffBoundsOutOfOrderAndAZeroStaleLimitAreRefused() {
        assertThat(messages(settings(null, Duration.ZERO, Duration.ofSeconds(90), Duration.ofSeconds(60), 50)))
                .containsExactlyInAnyOrder("stale-after must be between 1s and 10m",
                        "reconnect-min must be positive and not above reconnect-max");
    }

    @Test
    void aJumpLimitOutside1To99IsRefused() {
        assertThat(messages(settings(null, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60), 100)))
                .hasSize(1);
    }

    @Test
    void backOffDoublesWithJitterAndStopsAtTheCap() {
        Duration min = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(60);
        for (int i = 0; i < 200; i++) {
            assertThat(CoinbaseFeed.backOff(0, min, max).toMillis()).isBetween(500L, 1000L);
            assertThat(CoinbaseFeed.backOff(3, min, max).toMillis()).isBetween(4000L, 8000L);
            assertThat(CoinbaseFeed.backOff(30, min, max).toMillis()).isBetween(30_000L, 60_000L);
        }
    }

    @Test
    void historyFilesBindPerSymbolAndEveryDefaultParses() {
        org.springframework.boot.context.properties.bind.Binder binder = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(Map.of(
                        "recio.feeds.history-files.btc[0]", "/data/btc-1m.csv.gz",
                        "recio.feeds.history-files.ETH[0]", "/data/eth-1m.csv")));
        FeedsProperties p = binder.bindOrCreate("recio.feeds", FeedsProperties.class);
        assertThat(p.historyFiles().get(Symbol.BTC)).containsExactly(java.nio.file.Path.of("/data/btc-1m.csv.gz"));
        assertThat(p.historyFiles().get(Symbol.ETH)).containsExactly(java.nio.file.Path.of("/data/eth-1m.csv"));
        assertThat(p.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(p.staleAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.demoHistoryDays()).isEqualTo(21);
        assertThat(p.symbols()).containsExactly(Symbol.BTC, Symbol.ETH);
        assertThat(messages(p)).isEmpty();
    }
}
