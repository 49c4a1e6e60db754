package io.recio.feeds.internal;

import io.recio.feeds.Candle;
import java.math.BigDecimal;

/** A candle as stored, with its volume (which the {@link Candle} API leaves out); volume may be null. */
public record CandleRow(Candle candle, BigDecimal volume) {
}
