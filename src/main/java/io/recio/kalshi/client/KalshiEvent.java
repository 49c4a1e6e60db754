package io.recio.kalshi.client;

import java.util.List;

/** An event from {@code GET /events} with its nested markets when asked for. */
public record KalshiEvent(String eventTicker, String seriesTicker, String title, int exchangeIndex,
                          List<KalshiMarket> markets) {
}
