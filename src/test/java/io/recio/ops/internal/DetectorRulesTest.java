package io.recio.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.ops.Freshness;
import io.recio.ops.ServiceHealth;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.ops.TradingImpact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cascading-failure detector's pure rules: restarts, what is trouble, when a suspension is lifted. */
class DetectorRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final OpsProperties.Detector SETTINGS = new OpsProperties.Detector(Duration.ofSeconds(1),
            Duration.ofSeconds(60), 5, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30));
    private final RestartPolicy policy = new RestartPolicy(SETTINGS);

    private static ServiceHealth health(String name, ServiceState state, boolean critical, String error,
                                        TradingImpact impact) {
        return new ServiceHealth(new ServiceName(name), state, T0, T0, 0, error, T0, null, impact, critical, List.of(),
                Map.of());
    }

    private static List<String> trouble(List<ServiceHealth> services, List<Freshness> freshness) {
        return TradingTrouble.find(services, freshness, T0, SETTINGS,
                n -> n.value().equals("kalshi_api_watchdog") ? List.of(new ServiceName("kalshi_account_sync"),
                        new ServiceName("trade_executor")) : List.of());
    }

    @Test
    void restartsBackOffExponentiallyFromTheCrash() {
        assertThat(policy.decide(T0, List.of(), T0)).isEqualTo(new RestartPolicy.Decision.Wait(T0.plusSeconds(1)));
        assertThat(policy.decide(T0, List.of(), T0.plusSeconds(1))).isEqualTo(new RestartPolicy.Decision.Restart(1));
        List<Instant> three = List.of(T0.minusSeconds(30), T0.minusSeconds(20), T0.minusSeconds(10));
        assertThat(policy.decide(T0, three, T0.plusSeconds(7))).isEqualTo(new RestartPolicy.Decision.Wait(T0.plusSeconds(8)));
        assertThat(policy.decide(T0, three, T0.plusSeconds(8))).isEqualTo(new RestartPolicy.Decision.Restart(4));
        assertThat(policy.wait(10)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void pastTheCapWithinTheWindowTheServiceIsGivenUp() {
        List<Instant> five = List.of(T0.minusSeconds(500), T0.minusSeconds(400), T0.minusSeconds(300),
                T0.minusSeconds(200), T0.minusSeconds(100));

        assertThat(policy.decide(T0, five, T0)).isEqualTo(new RestartPolicy.Decision.GiveUp(5));
        assertThat(policy.decide(T0, five, T0.plusSeconds(200))).as("the two oldest left the window")
                .isEqualTo(new RestartPolicy.Decision.Restart(4));
    }

    @Test
    void aCriticalServiceDownIsTroubleNamingWhatNeedsIt() {
        List<String> found = trouble(List.of(health("kalshi_api_watchdog", ServiceState.FAILED, true,
                "could not start: connection refused", TradingImpact.NONE)), List.of());

        assertThat(found).containsExactly("kalshi_api_watchdog is FAILED (could not start: connection refused); "
                + "kalshi_account_sync, trade_executor need it");
    }

    @Test
    void aServiceThatIsNotCriticalMayBeDownAndADegradedOneOnlyCountsWhenItAsks() {
        assertThat(trouble(List.of(health("auto_entry_supervisor", ServiceState.FAILED, false, "boom",
                        TradingImpact.NONE), health("symbol_price_watchdog_btc", ServiceState.DEGRADED, true,
                        "Coinbase is stale; prices come from the fallback kalshi-cfbenchmarks", TradingImpact.NONE)),
                List.of())).isEmpty();
        assertThat(trouble(List.of(health("kalshi_api_watchdog", ServiceState.DEGRADED, true,
                "Kalshi trading is paused (exchange status)", TradingImpact.SUSPEND_ENTRIES)), List.of()))
                .containsExactly("kalshi_api_watchdog: Kalshi trading is paused (exchange status)");
    }

    @Test
    void dataOlderThanItsLimitIsTroubleAndNoDataAtAllToo() {
        List<String> found = trouble(List.of(), List.of(
                new Freshness("BTC price", Freshness.Kind.PRICE, T0.minusSeconds(11)),
                new Freshness("ETH price", Freshness.Kind.PRICE, T0.minusSeconds(9)),
                new Freshness("BTC strike table", Freshness.Kind.STRIKE_TABLE, T0.minusSeconds(16)),
                new Freshness("ETH order books", Freshness.Kind.ORDER_BOOK, null)));

        assertThat(found).containsExactly("BTC price is older than 10 s", "BTC strike table is older than 15 s",
                "no ETH order books yet");
    }

    @Test
    void aSuspensionIsLiftedOnlyAfterACalmPeriodWithoutTrouble() {
        SuspensionState s = new SuspensionState(Duration.ofSeconds(30));

        assertThat(s.step(List.of("BTC price is older than 10 s"), T0)).isEqualTo(SuspensionState.Change.SUSPENDED);
        assertThat(s.step(List.of(), T0.plusSeconds(5))).isEqualTo(SuspensionState.Change.CALMING);
        assertThat(s.resumesAt()).isEqualTo(T0.plusSeconds(35));
        assertThat(s.step(List.of("BTC price is older than 10 s"), T0.plusSeconds(20)))
                .as("trouble again: the calm period starts over").isEqualTo(SuspensionState.Change.NONE);
        assertThat(s.step(List.of(), T0.plusSeconds(21))).isEqualTo(SuspensionState.Change.CALMING);
        assertThat(s.step(List.of(), T0.plusSeconds(50))).isEqualTo(SuspensionState.Change.NONE);
        assertThat(s.suspended()).isTrue();
        assertThat(s.step(List.of(), T0.plusSeconds(51))).isEqualTo(SuspensionState.Change.RESUMED);
        assertThat(s.suspended()).isFalse();
    }

    @Test
    void reasonsThatDifferOnlyInTheirFiguresAreTheSameReasons() {
        SuspensionState s = new SuspensionState(Duration.ofSeconds(30));
        s.step(List.of("trade_executor: 1 order has no answer from the venue for 31 s"), T0);

        assertThat(s.step(List.of("trade_executor: 1 order has no answer from the venue for 32 s"), T0.plusSeconds(1)))
                .isEqualTo(SuspensionState.Change.NONE);
        assertThat(s.step(List.of("trade_executor: 1 order has no answer from the venue for 33 s",
                "no BTC price yet"), T0.plusSeconds(2))).isEqualTo(SuspensionState.Change.REASONS);
    }
}
