package io.recio.pricing.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the pricing module under {@code recio.pricing}.
 *
 * @param defaultModel    the model the strike tables use when it is ready: har, volatility or fingerprint (the
 *                        default, har, scored the lowest Brier score in {@code recio model evaluate})
 * @param priceStaleAfter a price tick older than this marks the table stale
 * @param bookStaleAfter  a book whose newest quote is older than this marks the table stale
 * @param writeInterval   the strike-table file is rewritten at most this often per symbol
 * @param writeFile       whether to keep {@code <data-dir>/strike_tables/<symbol>_strike_table.json}
 * @param rebuildCron     when the model tables are rebuilt from history (Spring cron in UTC, default weekly)
 * @param buildAtStart    build the model at start when its tables are empty and history exists
 * @param watchlist       the watchlist pre-filter
 * @param fingerprint     the empirical model's build settings
 * @param volatility      the volatility model's settings
 */
@Validated
@ConfigurationProperties("recio.pricing")
public record PricingProperties(
        @NotBlank @Pattern(regexp = "har|volatility|fingerprint", message = "must be har, volatility or fingerprint")
        @DefaultValue("har") String defaultModel,
        @NotNull @DefaultValue("5s") Duration priceStaleAfter,
        @NotNull @DefaultValue("15s") Duration bookStaleAfter,
        @NotNull @DefaultValue("1s") Duration writeInterval,
        @DefaultValue("true") boolean writeFile,
        @NotBlank @DefaultValue("0 30 3 * * SUN") String rebuildCron,
        @DefaultValue("true") boolean buildAtStart,
        @Valid @NotNull @DefaultValue Watchlist watchlist,
        @Valid @NotNull @DefaultValue Fingerprint fingerprint,
        @Valid @NotNull @DefaultValue Volatility volatility) {

    @AssertTrue(message = "rebuild-cron must be a Spring cron expression of six fields, e.g. '0 30 3 * * SUN'")
    public boolean isRebuildCronValid() {
        return rebuildCron == null || rebuildCron.isBlank() || CronExpression.isValidExpression(rebuildCron);
    }

    /**
     * REC.IO's watchlist pre-filter, near the auto-entry thresholds.
     *
     * @param minVolume      fewest contracts traded
     * @param maxAskCents    highest ask of the side, in cents
     * @param minProbability lowest P(side), 0..1
     * @param minEdgeCents   lowest edge after the fee, cents per contract
     */
    public record Watchlist(
            @Min(0) @DefaultValue("100") long minVolume,
            @Min(1) @Max(99) @DefaultValue("98") int maxAskCents,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.90") double minProbability,
            @DecimalMin("-100.0") @DecimalMax("100.0") @DefaultValue("-2") double minEdgeCents) {
    }

    /**
     * @param yearlyDecay weight of a move one year older than the newest (recent years count more)
     * @param minSamples  a momentum bucket with fewer moves is pooled with its neighbours
     */
    public record Fingerprint(
            @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") @DefaultValue(DEFAULT_YEARLY_DECAY) double yearlyDecay,
            @Min(1) @DefaultValue(DEFAULT_MIN_SAMPLES) int minSamples) {

        public static final String DEFAULT_YEARLY_DECAY = "0.5";
        public static final String DEFAULT_MIN_SAMPLES = "300";
    }

    /**
     * @param halfLife        EWMA half-life of the one-second log
     * @param floorFraction   the live volatility never drops below this fraction of history's
     * @param historyHalfLife EWMA half-life used on one-minute history (seed and evaluation)
     */
    public record Volatility(
            @NotNull @DefaultValue("15m") Duration halfLife,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue(DEFAULT_FLOOR_FRACTION) double floorFraction,
            @NotNull @DefaultValue(DEFAULT_HISTORY_HALF_LIFE_MINUTES + "m") Duration historyHalfLife) {

        public static final String DEFAULT_FLOOR_FRACTION = "0.25";
        public static final String DEFAULT_HISTORY_HALF_LIFE_MINUTES = "360";
    }
}
