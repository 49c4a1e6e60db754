package io.recio.simulator.exchange;

import io.recio.simulator.faults.FaultSwitches;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Fault switches set from configuration ({@code recio.simulator.faults.*}) when the simulator starts;
 * the admin endpoint {@code POST /simulator/faults} changes them while it runs.
 *
 * @param latencyMs            extra delay before every Kalshi REST answer
 * @param errorFraction        fraction of Kalshi REST requests answered with {@code errorStatus}
 * @param errorStatus          429, 500 or 503
 * @param orderResponseTimeout order creates are carried out but never answered
 * @param tradingPaused        a maintenance window: creates refused, cancels allowed
 */
@Validated
@ConfigurationProperties("recio.simulator.faults")
public record SimulatorFaultProperties(
        @Min(0) @Max(120_000) @DefaultValue("0") long latencyMs,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double errorFraction,
        @DefaultValue("503") int errorStatus,
        @DefaultValue("false") boolean orderResponseTimeout,
        @DefaultValue("false") boolean tradingPaused) {

    public SimulatorFaultProperties {
        if (errorStatus != 429 && errorStatus != 500 && errorStatus != 503) {
            throw new IllegalArgumentException("recio.simulator.faults.error-status must be 429, 500 or 503, got "
                    + errorStatus);
        }
    }

    /** Sets the Kalshi-side switches on {@code faults}. */
    public void applyTo(FaultSwitches faults) {
        faults.latencyMillis(latencyMs);
        faults.errors(errorFraction, errorStatus);
        faults.orderResponseTimeout(orderResponseTimeout);
        faults.tradingPaused(tradingPaused);
    }
}
