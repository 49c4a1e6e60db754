package io.recio.web.internal;

import io.recio.LiveUpdate;
import io.recio.market.Symbol;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceStateChanged;
import io.recio.pricing.StrikeTable;
import io.recio.pricing.StrikeTables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The status icon of the console (green, amber, red) with its reasons, from the managed services' states and the
 * age of the prices and strike tables; pushed as {@code status} and the services list as {@code services} when
 * either changes.
 */
@Component
class ConsoleStatus {

    /** What the icon shows. */
    enum Level { GREEN, AMBER, RED }

    /**
     * The status now.
     *
     * @param level     the worst level of any reason
     * @param summary   one line for the icon's label
     * @param reasons   every reason it is not green (empty when green)
     * @param checkedAt when it was computed
     */
    record View(Level level, String summary, List<String> reasons, Instant checkedAt) {
    }

    private final ManagedServices services;
    private final ObjectProvider<StrikeTables> tables;
    private final ApplicationEventPublisher events;
    private final Duration priceFreshFor;
    private volatile View last;
    private volatile List<ServiceHealth> lastServices = List.of();

    ConsoleStatus(ManagedServices services, ObjectProvider<StrikeTables> tables, ApplicationEventPublisher events,
                  WebProperties properties) {
        this.services = services;
        this.tables = tables;
        this.events = events;
        this.priceFreshFor = properties.priceFreshFor();
    }

    /** A service changed state: the icon and the System page hear it at once, not at the next second. */
    @EventListener
    void onServiceChange(ServiceStateChanged change) {
        refresh(change.health().since());
    }

    /** Recomputes the status and the services list and pushes whichever changed. */
    synchronized void refresh(Instant now) {
        List<ServiceHealth> all = services.all();
        View view = compute(all, now);
        View before = last;
        last = view;
        if (before == null || before.level() != view.level() || !before.reasons().equals(view.reasons())) {
            events.publishEvent(LiveUpdate.latest("status", "console", view));
        }
        if (!all.equals(lastServices)) {
            lastServices = all;
            events.publishEvent(LiveUpdate.latest("services", "all", all));
        }
    }

    /** The status as of the last refresh, or computed now when there was none. */
    View current(Instant now) {
        View v = last;
        return v != null ? v : compute(services.all(), now);
    }

    View compute(List<ServiceHealth> all, Instant now) {
        List<String> red = new ArrayList<>();
        List<String> amber = new ArrayList<>();
        for (ServiceHealth s : all) {
            String why = s.lastError() == null ? "" : ": " + s.lastError();
            switch (s.state()) {
                case FAILED -> red.add(s.name() + " failed" + why);
                case STOPPED -> red.add(s.name() + " is stopped");
                case DEGRADED -> amber.add(s.name() + " is degraded" + why);
                case STARTING -> amber.add(s.name() + " is starting");
                case RUNNING -> { }
            }
        }
        StrikeTables t = tables.getIfAvailable();
        for (Symbol symbol : Symbol.values()) {
            Optional<StrikeTable> table = t == null ? Optional.empty() : t.latest(symbol);
            if (table.isEmpty() || table.get().priceAt() == null) {
                amber.add("no " + symbol + " price yet");
                continue;
            }
            Duration age = Duration.between(table.get().priceAt(), now);
            if (age.compareTo(priceFreshFor) > 0) {
                red.add(symbol + " price is " + age.toSeconds() + " s old");
            } else if (table.get().stale()) {
                amber.add(symbol + " strike table is stale: " + String.join("; ", table.get().staleReasons()));
            }
        }
        List<String> reasons = new ArrayList<>(red);
        reasons.addAll(amber);
        Level level = !red.isEmpty() ? Level.RED : !amber.isEmpty() ? Level.AMBER : Level.GREEN;
        String summary = switch (level) {
            case GREEN -> "all services running, prices fresh";
            case AMBER, RED -> reasons.get(0) + (reasons.size() > 1 ? " (+" + (reasons.size() - 1) + " more)" : "");
        };
        return new View(level, summary, List.copyOf(reasons), now);
    }
}
