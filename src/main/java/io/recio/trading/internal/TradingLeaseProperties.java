package io.recio.trading.internal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code recio.trading.lease.*}: the trading lease that lets several instances share one database with exactly
 * one of them trading.
 *
 * @param enabled   whether this instance must hold the lease to trade (tests with one private database per
 *                  context turn it off)
 * @param ttl       how long a lease lasts without a heartbeat; a standby takes over after it runs out
 * @param heartbeat how often the holder renews it (and a standby tries to take it)
 * @param margin    how much of the lease must be left for an order to leave: an order checked with less left
 *                  could reach the venue after the lease ran out
 */
@Validated
@ConfigurationProperties("recio.trading.lease")
public record TradingLeaseProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") @NotNull Duration ttl,
        @DefaultValue("1s") @NotNull Duration heartbeat,
        @DefaultValue("2s") @NotNull Duration margin) {

    @AssertTrue(message = "heartbeat and margin must each be shorter than half the ttl")
    public boolean isRenewedInTime() {
        return ttl == null || heartbeat == null || margin == null
                || (heartbeat.multipliedBy(2).compareTo(ttl) < 0 && margin.multipliedBy(2).compareTo(ttl) <= 0);
    }
}
