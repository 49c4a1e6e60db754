package io.recio.kalshi;

/** A position differs from the last one recio saw (zero when closed). */
public record PositionChanged(KalshiPosition position) {
}
