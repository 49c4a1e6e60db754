package io.recio.ops.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ops module under {@code recio.ops.*}.
 *
 * @param detector the cascading-failure detector
 * @param monitor  the system monitor
 * @param retention the {@code data_retention} service
 * @param masterRestartCountdown how long every console shows the master restart coming, cancellable, before it
 *                               runs (at least 10 s)
 */
@Validated
@ConfigurationProperties("recio.ops")
public record OpsProperties(@Valid @NotNull @DefaultValue Detector detector,
                            @Valid @NotNull @DefaultValue Monitor monitor,
                            @Valid @NotNull @DefaultValue Retention retention,
                            @NotNull @DefaultValue("30s") Duration masterRestartCountdown) {

    @AssertTrue(message = "master-restart-countdown must be at least 10s: long enough for an admin to cancel it")
    public boolean isCountdownCancellable() {
        return masterRestartCountdown == null || masterRestartCountdown.toSeconds() >= 10;
    }

    /**
     * When {@code data_retention} applies the modules' retention policies, and ops' own windows.
     *
     * @param interval          time between passes
     * @param firstPassAfter    the wait after start before the first pass
     * @param eventPublications how long completed event publications are kept
     */
    public record Retention(
            @NotNull @DefaultValue("1h") Duration interval,
            @NotNull @DefaultValue("2m") Duration firstPassAfter,
            @NotNull @DefaultValue("1d") Duration eventPublications) {

        @AssertTrue(message = "interval must be between 1m and 1d, first-pass-after at most 1h, "
                + "event-publications at least 1m")
        public boolean isTimingSensible() {
            return (interval == null || interval.toMinutes() >= 1 && interval.toDays() <= 1)
                    && (firstPassAfter == null || !firstPassAfter.isNegative() && firstPassAfter.toHours() < 1)
                    && (eventPublications == null || eventPublications.toMinutes() >= 1);
        }
    }

    /**
     * What the system monitor samples, and from which percentages a resource is MEDIUM and HIGH (below MEDIUM
     * it is LOW).
     *
     * @param interval     time between samples
     * @param retention    how long samples are kept in {@code system.health_status}
     * @param cpuMedium    CPU use in percent of all cores
     * @param cpuHigh      ... HIGH
     * @param memoryMedium host memory in use (not available) in percent
     * @param memoryHigh   ... HIGH
     * @param diskMedium   the data directory's file system in use in percent
     * @param diskHigh     ... HIGH
     * @param heapMedium   the JVM heap in use in percent of its maximum
     * @param heapHigh     ... HIGH
     */
    public record Monitor(
            @NotNull @DefaultValue("15s") Duration interval,
            @NotNull @DefaultValue("7d") Duration retention,
            @Min(1) @Max(100) @DefaultValue("70") int cpuMedium,
            @Min(1) @Max(100) @DefaultValue("90") int cpuHigh,
            @Min(1) @Max(100) @DefaultValue("80") int memoryMedium,
            @Min(1) @Max(100) @DefaultValue("95") int memoryHigh,
            @Min(1) @Max(100) @DefaultValue("80") int diskMedium,
            @Min(1) @Max(100) @DefaultValue("90") int diskHigh,
            @Min(1) @Max(100) @DefaultValue("80") int heapMedium,
            @Min(1) @Max(100) @DefaultValue("95") int heapHigh) {

        @AssertTrue(message = "interval must be between 1s and 10m, retention at least 1h")
        public boolean isTimingSensible() {
            return (interval == null || interval.toMillis() >= 1000 && interval.toMinutes() <= 10)
                    && (retention == null || retention.toHours() >= 1);
        }

        @AssertTrue(message = "each *-medium must not be above its *-high")
        public boolean isLevelsOrdered() {
            return cpuMedium <= cpuHigh && memoryMedium <= memoryHigh && diskMedium <= diskHigh
                    && heapMedium <= heapHigh;
        }
    }

    /**
     * When the cascading-failure detector restarts a service, and when it suspends and resumes trading.
     *
     * @param firstRestart          the wait before the first restart of a crashed service, doubled for each
     *                              restart within the window
     * @param longestRestartWait    the longest wait between restarts
     * @param maxRestarts           restarts within {@code restartWindow} after which a crashing service is left
     *                              FAILED (with an alert) until a person restarts it
     * @param restartWindow         how far back restarts count toward {@code maxRestarts}
     * @param calmPeriod            how long everything must be well before a suspension is lifted
     * @param startGrace            after start-up, services still starting and data not there yet are not trouble
     * @param priceStaleAfter       no logged price (from any source) for this long suspends trading
     * @param strikeTableStaleAfter no strike table computed from fresh inputs for this long suspends trading
     * @param booksStaleAfter       order books not known equal to the exchange's for this long suspend trading
     */
    public record Detector(
            @NotNull @DefaultValue("1s") Duration firstRestart,
            @NotNull @DefaultValue("60s") Duration longestRestartWait,
            @Min(1) @DefaultValue("5") int maxRestarts,
            @NotNull @DefaultValue("10m") Duration restartWindow,
            @NotNull @DefaultValue("30s") Duration calmPeriod,
            @NotNull @DefaultValue("60s") Duration startGrace,
            @NotNull @DefaultValue("10s") Duration priceStaleAfter,
            @NotNull @DefaultValue("15s") Duration strikeTableStaleAfter,
            @NotNull @DefaultValue("30s") Duration booksStaleAfter) {

        @AssertTrue(message = "first-restart must be positive and not above longest-restart-wait")
        public boolean isRestartWaitOrdered() {
            return firstRestart == null || longestRestartWait == null
                    || (firstRestart.isPositive() && firstRestart.compareTo(longestRestartWait) <= 0);
        }

        @AssertTrue(message = "price-stale-after, strike-table-stale-after and books-stale-after must be at least 1s")
        public boolean isStalenessSensible() {
            return (priceStaleAfter == null || priceStaleAfter.toMillis() >= 1000)
                    && (strikeTableStaleAfter == null || strikeTableStaleAfter.toMillis() >= 1000)
                    && (booksStaleAfter == null || booksStaleAfter.toMillis() >= 1000);
        }
    }
}
