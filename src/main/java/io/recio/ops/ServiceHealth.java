package io.recio.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one managed service.
 *
 * @param name         REC.IO's service name, e.g. {@code kalshi_api_watchdog}
 * @param state        current state
 * @param since        when it entered that state
 * @param startedAt    when it last started, or null
 * @param restarts     how often it was restarted
 * @param lastError    the last failure or degradation reason, or null
 * @param dependencies names of the services it needs
 * @param details      facts the service reports about itself (source in use, last message age, ...)
 */
public record ServiceHealth(String name, ServiceState state, Instant since, Instant startedAt, int restarts,
                            String lastError, List<String> dependencies, Map<String, Object> details) {
}
