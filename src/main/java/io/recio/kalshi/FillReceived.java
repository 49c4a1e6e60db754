package io.recio.kalshi;

/** A fill of ours that recio sees for the first time (deduplicated by trade id across WS and REST). */
public record FillReceived(KalshiFill fill) {
}
