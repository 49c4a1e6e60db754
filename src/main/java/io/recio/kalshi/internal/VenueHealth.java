package io.recio.kalshi.internal;

import io.recio.kalshi.client.CallStats;
import io.recio.ops.TradingImpact;
import java.time.Duration;
import java.util.Optional;

/**
 * What is wrong with Kalshi as kalshi_api_watchdog sees it, the worst first: trading paused by the exchange,
 * most REST calls failing or very slow (entries suspended), the WebSocket down, some calls failing or slow, no
 * open hourly event. A pure decision that explains itself.
 */
final class VenueHealth {

    /** One problem: what the admin panel shows and what it means for trading. */
    record Problem(String reason, TradingImpact impact) {
    }

    /** What the watchdog knows at one moment. */
    record Inputs(boolean socketConnected, Boolean exchangeTradingOn, boolean eventsFound, CallStats.Summary calls) {
    }

    private VenueHealth() {
    }

    static Optional<Problem> judge(Inputs in, KalshiProperties.Health limits) {
        if (Boolean.FALSE.equals(in.exchangeTradingOn())) {
            return problem("Kalshi trading is paused (exchange status)", TradingImpact.SUSPEND_ENTRIES);
        }
        CallStats.Summary c = in.calls();
        boolean enoughCalls = c.calls() >= limits.minCalls();
        String failures = Math.round(c.failureRate() * 100) + "% of " + c.calls() + " Kalshi REST calls in the last "
                + limits.window().toSeconds() + " s got no answer";
        String latency = "Kalshi REST calls are slow: 90% answered within " + seconds(c.p90())
                + (c.inFlight() > 0 ? " (" + c.inFlight() + " waiting, the oldest for " + seconds(c.oldestInFlight()) + ")"
                : "");
        if (enoughCalls && c.failureRate() >= limits.failureShareSuspend()) {
            return problem(failures, TradingImpact.SUSPEND_ENTRIES);
        }
        if (c.p90().compareTo(limits.latencySuspend()) >= 0) {
            return problem(latency, TradingImpact.SUSPEND_ENTRIES);
        }
        if (!in.socketConnected()) {
            return problem("Kalshi WebSocket down; books from REST snapshots", TradingImpact.NONE);
        }
        if (enoughCalls && c.failureRate() >= limits.failureShareDegraded()) {
            return problem(failures, TradingImpact.NONE);
        }
        if (c.p90().compareTo(limits.latencyDegraded()) >= 0) {
            return problem(latency, TradingImpact.NONE);
        }
        if (!in.eventsFound()) {
            return problem("no open hourly event found", TradingImpact.NONE);
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String reason, TradingImpact impact) {
        return Optional.of(new Problem(reason, impact));
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
