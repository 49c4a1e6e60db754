package io.recio.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.RecioProperties;
import io.recio.market.SpotPrice;
import io.recio.market.Symbol;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.simulator.prices.SimulatedHistory;
import io.recio.simulator.prices.SimulatedPrices;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The simulator's wiring and settings, without the rest of recio. */
class SimulatorConfigurationTest {

    private static final Path SHARED = Path.of(System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared"));
    private static final Instant NOW = Instant.parse("2026-03-02T14:00:00Z");

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SimulatorProperties.class, RecioProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, SimulatorConfiguration.class)
            .withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void nothingOfTheSimulatorExistsUnlessEnabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(SimulatedPrices.class));
    }

    @Test
    void enabledItProvidesPricesHistoryAndFaultSwitchesFromTheSettings() {
        runner.withPropertyValues("recio.simulator.enabled=true", "recio.simulator.seed=5",
                        "recio.simulator.start-price.btc=100000", "recio.simulator.faults.feed-frozen=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(SimulatedPrices.class).hasSingleBean(SimulatedHistory.class);
                    assertThat(context.getBean(SimulatedPrices.class).indexAt(Symbol.BTC, NOW))
                            .isEqualTo(SpotPrice.parse("100000"));
                    assertThat(context.getBean(FaultSwitches.class).feedFrozen()).isTrue();
                });
    }

    @Test
    void theSameSeedGivesTheSamePrices() {
        String[] settings = {"recio.simulator.enabled=true", "recio.simulator.seed=77"};
        SpotPrice[] seen = new SpotPrice[2];
        runner.withPropertyValues(settings).run(c -> seen[0] = c.getBean(SimulatedPrices.class)
                .indexAt(Symbol.ETH, NOW.plusSeconds(5_000)));
        runner.withPropertyValues(settings).run(c -> seen[1] = c.getBean(SimulatedPrices.class)
                .indexAt(Symbol.ETH, NOW.plusSeconds(5_000)));
        assertThat(seen[0]).isEqualTo(seen[1]);
    }

    @Test
    void aReplayFileSettingReplaysItsCandles() {
        runner.withPropertyValues("recio.simulator.enabled=true", "recio.simulator.replay.file="
                        + SHARED.resolve("data/btc/bitstamp_btcusd_1min_2025-01-07_2025-02-03.csv.gz"))
                .run(context -> assertThat(context.getBean(SimulatedPrices.class).indexAt(Symbol.BTC, NOW))
                        .isEqualTo(SpotPrice.parse("102228")));
    }

    @Test
    void aMissingReplayFileStopsStartUpNamingTheKey() {
        runner.withPropertyValues("recio.simulator.enabled=true", "recio.simulator.replay.eth-file=/nonexistent.csv")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("recio.simulator.replay.eth-file: replay file /nonexistent.csv"));
    }

    @Test
    void aNegativeStartPriceStopsStartUp() {
        runner.withPropertyValues("recio.simulator.enabled=true", "recio.simulator.start-price.eth=-3")
                .run(context -> assertThat(context).hasFailed());
    }
}
