package io.recio.ops.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The log files under {@code <data-dir>/logs} ({@code recio.logs.*}): each rolls at {@code maxFileSize} and daily,
 * is gzipped, kept {@code maxHistory} days, and one file's past parts together stay under {@code totalSizeCap}.
 */
@Validated
@ConfigurationProperties("recio.logs")
public record LogsProperties(
        @NotNull @DefaultValue("10MB") DataSize maxFileSize,
        @Min(1) @Max(365) @DefaultValue("7") int maxHistory,
        @NotNull @DefaultValue("200MB") DataSize totalSizeCap) {
}
