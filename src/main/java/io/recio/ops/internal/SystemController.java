package io.recio.ops.internal;

import io.recio.ApiProblem;
import io.recio.ops.Incident;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The system's health for every signed-in user: {@code GET /api/system/health} (the newest sample),
 * {@code GET /api/system/health/history?from&to} (the series) and {@code GET /api/system/incidents}.
 */
@RestController
class SystemController {

    static final Duration LONGEST_RANGE = Duration.ofDays(31);
    static final int MAX_POINTS = 2000;

    private final SystemMonitor monitor;
    private final HealthStore store;
    private final IncidentLog incidents;
    private final Clock clock;

    SystemController(SystemMonitor monitor, HealthStore store, IncidentLog incidents, Clock clock) {
        this.monitor = monitor;
        this.store = store;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The health history between two instants; a long range is thinned to at most 2000 points. */
    record History(Instant from, Instant to, List<HealthStore.Point> points) {
    }

    @GetMapping("/api/system/health")
    SystemHealth health() {
        return monitor.latest();
    }

    /**
     * @param from ISO-8601 instant, default an hour before {@code to}
     * @param to   ISO-8601 instant, default now
     */
    @GetMapping("/api/system/health/history")
    History history(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofHours(1)) : instant("from", from);
        if (!start.isBefore(end)) {
            throw ApiProblem.badInput("from", "from must be before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
            throw ApiProblem.badInput("from", "the range may be at most " + LONGEST_RANGE.toDays() + " days");
        }
        return new History(start, end, store.between(start, end, MAX_POINTS));
    }

    /** The newest incidents first. */
    @GetMapping("/api/system/incidents")
    List<Incident> incidents(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw ApiProblem.badInput("limit", "limit must be 1 to 200");
        }
        return incidents.recent(limit);
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badInput(field, field + " must be an ISO-8601 instant such as 2026-03-02T14:00:00Z, got '"
                    + text + "'");
        }
    }
}
