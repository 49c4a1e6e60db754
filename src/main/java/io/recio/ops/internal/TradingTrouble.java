package io.recio.ops.internal;

import io.recio.ops.Freshness;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.ops.TradingImpact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What makes new entries unsafe, in the trader's words: a service critical to trading that is down, a service
 * that asks for entries to stop, data older than its limit. A pure decision; the texts carry no running ages,
 * so the same trouble reads the same from one second to the next.
 */
final class TradingTrouble {

    private TradingTrouble() {
    }

    /**
     * @param services   every service's health
     * @param freshness  every module's data freshness
     * @param now        the clock
     * @param dependents who needs a service (named in the cause)
     */
    static List<String> find(List<ServiceHealth> services, List<Freshness> freshness, Instant now,
                             OpsProperties.Detector limits, Function<ServiceName, List<ServiceName>> dependents) {
        List<String> trouble = new ArrayList<>();
        for (ServiceHealth s : services) {
            boolean down = s.state() == ServiceState.FAILED || s.state() == ServiceState.STOPPED
                    || s.state() == ServiceState.STARTING;
            if (s.criticalToTrading() && down) {
                List<ServiceName> needing = dependents.apply(s.name());
                trouble.add(s.name() + " is " + s.state()
                        + (s.state() == ServiceState.FAILED && s.lastError() != null ? " (" + s.lastError() + ")" : "")
                        + (needing.isEmpty() ? "" : "; " + String.join(", ", needing.stream().map(ServiceName::value)
                        .toList()) + " need it"));
            } else if (s.state().isUp() && s.tradingImpact() == TradingImpact.SUSPEND_ENTRIES) {
                trouble.add(s.name() + ": " + s.lastError());
            }
        }
        for (Freshness f : freshness) {
            Duration limit = limit(f.kind(), limits);
            Duration age = f.age(now);
            if (age == null) {
                trouble.add("no " + f.subject() + " yet");
            } else if (age.compareTo(limit) > 0) {
                trouble.add(f.subject() + " is older than " + limit.toSeconds() + " s");
            }
        }
        return trouble;
    }

    static Duration limit(Freshness.Kind kind, OpsProperties.Detector limits) {
        return switch (kind) {
            case PRICE -> limits.priceStaleAfter();
            case STRIKE_TABLE -> limits.strikeTableStaleAfter();
            case ORDER_BOOK -> limits.booksStaleAfter();
        };
    }
}
