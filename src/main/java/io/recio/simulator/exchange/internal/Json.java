package io.recio.simulator.exchange.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** JSON helpers for the simulator's wire format (insertion-ordered maps, RFC 3339 instants). */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** An ordered JSON object from alternating keys and values. */
    public static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** RFC 3339 with microseconds at most, as Kalshi writes {@code created_time}. */
    public static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Kalshi's error body: {@code {"error":{"code":..,"message":..,"details":..}}}. */
    public static Map<String, Object> error(String code, String message, String details) {
        Map<String, Object> inner = obj("code", code, "message", message);
        if (details != null) {
            inner.put("details", details);
        }
        return obj("error", inner);
    }
}
