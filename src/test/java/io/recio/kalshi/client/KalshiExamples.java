package io.recio.kalshi.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** The saved Kalshi payloads under {@code $RECIO_SHARED_DIR/reference/kalshi-examples}, read in place. */
final class KalshiExamples {

    private KalshiExamples() {
    }

    static Path dir() {
        String shared = System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared");
        return Path.of(shared, "reference", "kalshi-examples");
    }

    static String text(String file) {
        try {
            return Files.readString(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String file) {
        return KalshiParsers.tree(text(file));
    }

    /** One example of the asyncapi collection, by key (e.g. {@code ticker.tickerUpdate}). */
    static JsonNode ws(String key) {
        return json("ws_asyncapi_examples_2026-08.json").path("examples").path(key);
    }

    static JsonNode legacyWs(String key) {
        return json("legacy_ws_examples_2026-01.json").path("examples").path(key);
    }
}
