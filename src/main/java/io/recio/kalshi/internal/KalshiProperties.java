package io.recio.kalshi.internal;

import io.recio.kalshi.client.RateTier;
import io.recio.market.Symbol;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the kalshi module ({@code recio.kalshi.*}). In demo mode the URLs and the key come from the
 * simulator's {@code <data-dir>/simulator/demo-credentials.json}; in paper and live mode from here.
 *
 * @param restUrl              REST base including {@code /trade-api/v2} (defaults to Kalshi's demo environment)
 * @param wsUrl                WebSocket URL ({@code .../trade-api/ws/v2})
 * @param keyId                API key id (paper/live)
 * @param keyFile              PEM file of the API key's private key, PKCS#1 or PKCS#8 (paper/live)
 * @param tier                 the account's rate-limit tier; recio stays inside its buckets
 * @param requestTimeout       timeout of every REST call except order creation
 * @param orderTimeout         timeout of an order create; past it the order is UNKNOWN
 * @param readAttempts         tries of a read (GET) before its error is reported
 * @param retryBackoff         first back-off of a read retry, doubled per attempt
 * @param wsSilenceTimeout     no message and no ping for this long = dead connection, reconnect
 * @param wsPingInterval       our own ping after this much quiet
 * @param wsMinBackoff         first reconnect delay
 * @param wsMaxBackoff         longest reconnect delay
 * @param quotePersistInterval at most one {@code live_data.market_quote} row per market per this interval
 * @param accountSyncInterval  period of the REST pass of kalshi_account_sync
 * @param statusInterval       period of the exchange status and schedule check
 * @param symbols              the underlyings whose hourly events the watchdog follows
 * @param health               when the venue's answers make kalshi_api_watchdog DEGRADED or suspend entries
 * @param environments         where each Kalshi environment is, for a key stored in the console or with
 *                             {@code recio credentials set} (a key from {@code key-file} uses {@code rest-url})
 */
@Validated
@ConfigurationProperties("recio.kalshi")
public record KalshiProperties(
        @NotNull @DefaultValue("https://external-api.demo.kalshi.co/trade-api/v2") URI restUrl,
        @NotNull @DefaultValue("wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2") URI wsUrl,
        String keyId,
        Path keyFile,
        @NotNull @DefaultValue("BASIC") RateTier tier,
        @NotNull @DefaultValue("10s") Duration requestTimeout,
        @NotNull @DefaultValue("10s") Duration orderTimeout,
        @Min(1) @Max(10) @DefaultValue("4") int readAttempts,
        @NotNull @DefaultValue("250ms") Duration retryBackoff,
        @NotNull @DefaultValue("30s") Duration wsSilenceTimeout,
        @NotNull @DefaultValue("10s") Duration wsPingInterval,
        @NotNull @DefaultValue("500ms") Duration wsMinBackoff,
        @NotNull @DefaultValue("30s") Duration wsMaxBackoff,
        @NotNull @DefaultValue("1s") Duration quotePersistInterval,
        @NotNull @DefaultValue("30s") Duration accountSyncInterval,
        @NotNull @DefaultValue("5s") Duration statusInterval,
        @NotEmpty @DefaultValue({"BTC", "ETH"}) List<Symbol> symbols,
        @Valid @NotNull @DefaultValue Health health,
        @Valid @NotNull @DefaultValue Environments environments) {

    /**
     * The URLs of Kalshi's demo and production environments.
     *
     * @param demoRestUrl       demo REST base
     * @param demoWsUrl         demo WebSocket
     * @param productionRestUrl production REST base
     * @param productionWsUrl   production WebSocket
     */
    public record Environments(
            @NotNull @DefaultValue("https://external-api.demo.kalshi.co/trade-api/v2") URI demoRestUrl,
            @NotNull @DefaultValue("wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2") URI demoWsUrl,
            @NotNull @DefaultValue("https://external-api.kalshi.com/trade-api/v2") URI productionRestUrl,
            @NotNull @DefaultValue("wss://external-api-ws.kalshi.com/trade-api/ws/v2") URI productionWsUrl) {

        /** The REST base of {@code environment}. */
        public URI restUrl(io.recio.kalshi.internal.credentials.KalshiEnvironment environment) {
            return environment == io.recio.kalshi.internal.credentials.KalshiEnvironment.PRODUCTION
                    ? productionRestUrl : demoRestUrl;
        }

        /** The WebSocket URL of {@code environment}. */
        public URI wsUrl(io.recio.kalshi.internal.credentials.KalshiEnvironment environment) {
            return environment == io.recio.kalshi.internal.credentials.KalshiEnvironment.PRODUCTION
                    ? productionWsUrl : demoWsUrl;
        }
    }

    /**
     * The venue's health from its REST calls over a window: the share that got no definite answer (timeout,
     * broken connection, 5xx, 429) and the 90th percentile of their time (calls still waiting count with
     * their wait so far). Past the first limits the watchdog is DEGRADED; past the second, entries are
     * suspended too.
     *
     * @param window             how far back calls count
     * @param minCalls           fewer calls than this in the window say nothing about the failure share
     * @param failureShareDegraded failure share that makes the watchdog DEGRADED
     * @param failureShareSuspend  failure share that suspends entries
     * @param latencyDegraded    90th-percentile time that makes the watchdog DEGRADED
     * @param latencySuspend     90th-percentile time that suspends entries
     */
    public record Health(
            @NotNull @DefaultValue("30s") Duration window,
            @Min(1) @DefaultValue("5") int minCalls,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.2") double failureShareDegraded,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double failureShareSuspend,
            @NotNull @DefaultValue("2s") Duration latencyDegraded,
            @NotNull @DefaultValue("5s") Duration latencySuspend) {

        @AssertTrue(message = "the suspend limits must not be below the degraded ones")
        public boolean isOrdered() {
            return failureShareSuspend >= failureShareDegraded
                    && (latencyDegraded == null || latencySuspend == null || latencySuspend.compareTo(latencyDegraded) >= 0);
        }
    }
}
