package io.recio.feeds.internal;

import io.recio.market.Symbol;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The feeds module's settings under {@code recio.feeds.*}.
 *
 * @param symbols          the underlyings watched (one managed service each)
 * @param coinbaseUrl      Coinbase Exchange WebSocket feed; empty means production, or the built-in
 *                         simulator ({@code ws://127.0.0.1:<recio.ports.simulator-coinbase>/}) in demo mode
 * @param coinbaseRestUrl  Coinbase Exchange REST base for the candles endpoint
 * @param staleAfter       a source with no message for this long is stale (reconnect, fall back)
 * @param reconnectMin     first back-off delay after a failed or stale connection
 * @param reconnectMax     the back-off cap
 * @param maxJumpPercent   a trade further than this from the previous accepted price is rejected
 * @param writeInterval    how often the buffered price-log rows are written in one JDBC batch
 * @param retention        how long the price log is kept
 * @param demoHistoryDays  days of one-minute history a fresh demo database is seeded with
 * @param historyFiles     per symbol, one-minute candle files imported into an empty history in demo mode when the
 *                         simulator offers no history
 * @param restRequestsPerSecond pace of Coinbase candle requests (Coinbase allows 10/s public; stay well below)
 */
@Validated
@ConfigurationProperties("recio.feeds")
public record FeedsProperties(
        @NotEmpty @DefaultValue({"BTC", "ETH"}) List<Symbol> symbols,
        URI coinbaseUrl,
        @NotNull @DefaultValue("https://api.exchange.coinbase.com") URI coinbaseRestUrl,
        @NotNull @DefaultValue("5s") Duration staleAfter,
        @NotNull @DefaultValue("1s") Duration reconnectMin,
        @NotNull @DefaultValue("60s") Duration reconnectMax,
        @Min(1) @Max(99) @DefaultValue("50") int maxJumpPercent,
        @NotNull @DefaultValue("2s") Duration writeInterval,
        @NotNull @DefaultValue("30d") Duration retention,
        @Min(0) @Max(366) @DefaultValue("21") int demoHistoryDays,
        @NotNull @DefaultValue Map<Symbol, List<Path>> historyFiles,
        @Min(1) @Max(10) @DefaultValue("3") int restRequestsPerSecond) {

    /** Production Exchange feed, used when no URL is configured outside demo mode. */
    public static final URI PRODUCTION_FEED = URI.create("wss://ws-feed.exchange.coinbase.com");

    @AssertTrue(message = "coinbase-url must be a ws:// or wss:// URL")
    public boolean isCoinbaseUrlWebSocket() {
        return coinbaseUrl == null || "ws".equals(coinbaseUrl.getScheme()) || "wss".equals(coinbaseUrl.getScheme());
    }

    @AssertTrue(message = "stale-after must be between 1s and 10m")
    public boolean isStaleAfterSensible() {
        return staleAfter == null || (staleAfter.compareTo(Duration.ofSeconds(1)) >= 0
                && staleAfter.compareTo(Duration.ofMinutes(10)) <= 0);
    }

    @AssertTrue(message = "reconnect-min must be positive and not above reconnect-max")
    public boolean isBackOffOrdered() {
        return reconnectMin == null || reconnectMax == null
                || (!reconnectMin.isNegative() && !reconnectMin.isZero() && reconnectMin.compareTo(reconnectMax) <= 0);
    }

    @AssertTrue(message = "write-interval must be between 100ms and 60s")
    public boolean isWriteIntervalSensible() {
        return writeInterval == null || (writeInterval.toMillis() >= 100 && writeInterval.toMillis() <= 60_000);
    }

    @AssertTrue(message = "retention must be at least 31 minutes (the momentum window) and at most 3650 days")
    public boolean isRetentionSensible() {
        return retention == null || (retention.compareTo(Duration.ofMinutes(31)) >= 0
                && retention.compareTo(Duration.ofDays(3650)) <= 0);
    }
}
