package io.recio.web.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code recio.web.*}: the console's live channel.
 *
 * @param pushInterval  the least time between two sends of one state (a symbol's strike table, the services) to a
 *                      browser; a new price is never held back by it
 * @param priceFreshFor how long after its second a price (and the strike table computed from it) may be shown as
 *                      live; older numbers are greyed out and marked stale
 */
@Validated
@ConfigurationProperties("recio.web")
record WebProperties(@DefaultValue("250ms") @NotNull Duration pushInterval,
                     @DefaultValue("10s") @NotNull Duration priceFreshFor) {
}
