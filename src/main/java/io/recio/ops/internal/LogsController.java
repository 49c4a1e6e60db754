package io.recio.ops.internal;

import io.recio.ApiProblem;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logs for the master admin: {@code GET /api/logs} (the files), {@code GET /api/logs/{name}?lines=N} (the
 * last lines) and {@code GET /api/logs/{name}?after=OFFSET} (what was written since, to follow a log).
 */
@RestController
@PreAuthorize("hasRole('MASTER_ADMIN')")
class LogsController {

    static final int MAX_LINES = 2000;

    private final LogFiles logs;

    LogsController(LogFiles logs) {
        this.logs = logs;
    }

    @GetMapping("/api/logs")
    List<LogFiles.LogFile> files() {
        return logs.list();
    }

    @GetMapping("/api/logs/{name}")
    LogFiles.Tail tail(@PathVariable String name, @RequestParam(defaultValue = "200") int lines,
                       @RequestParam(required = false) Long after) {
        if (lines < 1 || lines > MAX_LINES) {
            throw ApiProblem.badInput("lines", "lines must be 1 to " + MAX_LINES);
        }
        if (after != null && after < 0) {
            throw ApiProblem.badInput("after", "after must be an offset the previous answer gave (0 or more)");
        }
        return after == null ? logs.last(name, lines) : logs.after(name, after);
    }
}
