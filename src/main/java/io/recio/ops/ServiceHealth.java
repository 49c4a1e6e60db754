package io.recio.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one managed service.
 *
 * @param name              REC.IO's service name, e.g. {@code kalshi_api_watchdog}
 * @param state             current state
 * @param since             when it entered that state
 * @param startedAt         when it last started, or null
 * @param restarts          how often it was started again after its first start
 * @param lastError         the last failure or degradation reason, or null
 * @param lastErrorAt       when that happened, or null
 * @param nextAttemptAt     when a failed start is tried again, or null
 * @param tradingImpact     what its current degradation means for trading
 * @param criticalToTrading whether trading is suspended while it is down
 * @param dependencies      names of the services it needs
 * @param details           facts the service reports about itself (source in use, last message age, ...), as text
 */
public record ServiceHealth(ServiceName name, ServiceState state, Instant since, Instant startedAt, int restarts,
                            String lastError, Instant lastErrorAt, Instant nextAttemptAt,
                            TradingImpact tradingImpact, boolean criticalToTrading, List<ServiceName> dependencies,
                            Map<String, String> details) {
}
