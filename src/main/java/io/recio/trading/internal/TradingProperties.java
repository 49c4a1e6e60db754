package io.recio.trading.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code recio.trading.*}: which venue orders go to, whose settings the supervisors use, and the
 * account's risk limits.
 *
 * @param venue              {@code paper} (fills simulated against the live book), {@code kalshi} (the kalshi
 *                           module's environment: the simulator in demo mode) or {@code auto} (paper in paper
 *                           mode, kalshi otherwise)
 * @param user               the user whose settings drive auto-entry and auto-stop
 * @param paperBalance       starting cash of the paper account, dollars
 * @param reconcileInterval  how often orders, fills, positions and balance are reconciled
 * @param lookupGrace        how long after sending an order a "not found" lookup counts as definite
 * @param exitSlippageCents  how far below the bid an exit (auto-stop, flatten) may fill, cents
 * @param risk               account-wide limits
 * @param autoEntryAtFirstStart whether the supervisors' user starts with auto-entry on when they have no saved
 *                           settings (demo mode: a newcomer sees the bot trade with the simulator's money)
 */
@Validated
@ConfigurationProperties("recio.trading")
public record TradingProperties(
        @DefaultValue("auto") @Pattern(regexp = "auto|paper|kalshi", message = "must be auto, paper or kalshi") String venue,
        @DefaultValue("admin") @NotBlank String user,
        @DefaultValue("10000") @Min(0) long paperBalance,
        @DefaultValue("60s") @NotNull Duration reconcileInterval,
        @DefaultValue("10s") @NotNull Duration lookupGrace,
        @DefaultValue("5") @Min(0) @jakarta.validation.constraints.Max(99) int exitSlippageCents,
        @DefaultValue @Valid Risk risk,
        @DefaultValue("false") boolean autoEntryAtFirstStart) {

    /**
     * Risk limits for the whole account.
     *
     * @param maxContractsPerOrder most contracts in one order
     * @param maxExposurePerMarket most dollars at cost in one market
     * @param maxTotalExposure     most dollars at cost over all markets
     * @param maxOpenTrades        most trades holding contracts at once
     * @param dailyLossLimit       realized loss (dollars, since 00:00 UTC) that trips the kill switch
     * @param staleDataLimit       price data older than this blocks entries (staying stale suspends trading
     *                             through ops' cascading-failure detector, which lifts it when data returns)
     */
    public record Risk(@DefaultValue("100") @Min(1) long maxContractsPerOrder,
                       @DefaultValue("100") @Min(1) long maxExposurePerMarket,
                       @DefaultValue("500") @Min(1) long maxTotalExposure,
                       @DefaultValue("10") @Min(1) int maxOpenTrades,
                       @DefaultValue("100") @Min(1) long dailyLossLimit,
                       @DefaultValue("10s") @NotNull Duration staleDataLimit) {
    }
}
