package io.recio.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.LiveUpdate;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.ops.TradingImpact;
import io.recio.pricing.StrikeTable;
import io.recio.pricing.StrikeTables;
import io.recio.pricing.WatchlistEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class ConsoleStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final List<ServiceHealth> services = new ArrayList<>();
    private final Map<Symbol, StrikeTable> tables = new EnumMap<>(Symbol.class);
    private final List<Object> published = new ArrayList<>();
    private final ConsoleStatus status;

    ConsoleStatusTest() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("tables", new StrikeTables() {
            @Override
            public Optional<StrikeTable> latest(Symbol symbol) {
                return Optional.ofNullable(tables.get(symbol));
            }

            @Override
            public List<WatchlistEntry> watchlist(Symbol symbol) {
                return List.of();
            }
        });
        ManagedServices registry = new ManagedServices() {
            @Override
            public Optional<ServiceHealth> health(ServiceName name) {
                return services.stream().filter(s -> s.name().equals(name)).findFirst();
            }

            @Override
            public List<ServiceHealth> all() {
                return List.copyOf(services);
            }

            @Override
            public List<ServiceName> dependents(ServiceName name) {
                return List.of();
            }

            @Override
            public void start(ServiceName name) {
                throw new UnsupportedOperationException("the status only reads");
            }

            @Override
            public void stop(ServiceName name) {
                throw new UnsupportedOperationException("the status only reads");
            }

            @Override
            public Restart restart(ServiceName name) {
                throw new UnsupportedOperationException("the status only reads");
            }
        };
        status = new ConsoleStatus(registry, beans.getBeanProvider(StrikeTables.class), published::add,
                new WebProperties(Duration.ofMillis(250), Duration.ofSeconds(10)));
    }

    private void service(String name, ServiceState state, String error) {
        services.add(new ServiceHealth(new ServiceName(name), state, NOW, NOW, 0, error, error == null ? null : NOW,
                null, TradingImpact.NONE, false, List.of(), Map.of()));
    }

    private void table(Symbol symbol, Duration priceAge, boolean stale, String... reasons) {
        tables.put(symbol, new StrikeTable(symbol, NOW, new SpotPrice(1), NOW.minus(priceAge), 0, Map.of(), "volatility",
                stale, List.of(reasons), null, null));
    }

    private void healthyWorld() {
        service("main_app", ServiceState.RUNNING, null);
        table(Symbol.BTC, Duration.ofSeconds(1), false);
        table(Symbol.ETH, Duration.ofSeconds(1), false);
    }

    @Test
    void greenWhenEveryServiceRunsAndPricesAreFresh() {
        healthyWorld();
        ConsoleStatus.View v = status.compute(services, NOW);
        assertThat(v.level()).isEqualTo(ConsoleStatus.Level.GREEN);
        assertThat(v.reasons()).isEmpty();
    }

    @Test
    void amberWhenAServiceIsDegradedOrATableIsStaleWithTheReasons() {
        healthyWorld();
        service("kalshi_api_watchdog", ServiceState.DEGRADED, "Kalshi WebSocket down");
        table(Symbol.ETH, Duration.ofSeconds(2), true, "no book for the event closing at 11:00");
        ConsoleStatus.View v = status.compute(services, NOW);
        assertThat(v.level()).isEqualTo(ConsoleStatus.Level.AMBER);
        assertThat(v.reasons()).containsExactly("kalshi_api_watchdog is degraded: Kalshi WebSocket down",
                "ETH strike table is stale: no book for the event closing at 11:00");
        assertThat(v.summary()).isEqualTo("kalshi_api_watchdog is degraded: Kalshi WebSocket down (+1 more)");
    }

    @Test
    void redWhenAServiceFailedOrAPriceIsOlderThanItsFreshnessLimit() {
        healthyWorld();
        table(Symbol.BTC, Duration.ofSeconds(35), false);
        assertThat(status.compute(services, NOW).reasons()).containsExactly("BTC price is 35 s old");
        assertThat(status.compute(services, NOW).level()).isEqualTo(ConsoleStatus.Level.RED);
        service("trade_executor", ServiceState.FAILED, "boom");
        assertThat(status.compute(services, NOW).reasons()).startsWith("trade_executor failed: boom");
    }

    @Test
    void theStatusAndTheServicesArePushedOnlyWhenTheyChange() {
        healthyWorld();
        status.refresh(NOW);
        status.refresh(NOW.plusSeconds(1));
        assertThat(published).extracting(e -> ((LiveUpdate) e).type()).containsExactly("status", "services");
        service("trade_executor", ServiceState.DEGRADED, "slow venue");
        status.refresh(NOW.plusSeconds(2));
        assertThat(published).extracting(e -> ((LiveUpdate) e).type())
                .containsExactly("status", "services", "status", "services");
    }
}
