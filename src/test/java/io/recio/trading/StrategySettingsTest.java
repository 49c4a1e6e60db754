package io.recio.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.market.Money;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A backtest's settings: the supervisors' keys, each bad value named with what is allowed. */
class StrategySettingsTest {

    @Test
    void keysMayCarryTheConfigurationPrefixAndUnderscores() {
        StrategySettings s = StrategySettings.of(Map.of("recio.trading.auto-entry.min_probability", "85",
                "auto-entry.min-edge", "0.02", "recio.trading.risk.max-open-trades", "3"));

        assertThat(s.trade().minProbability()).isEqualTo(85.0);
        assertThat(s.trade().minEdge()).isEqualTo(Money.parse("0.02"));
        assertThat(s.risk().maxOpenTrades()).isEqualTo(3);
        assertThat(s.values()).containsEntry("auto-entry.min-probability", "85");
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> StrategySettings.of(Map.of("auto-entry.min-probabilty", "85")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown setting 'auto-entry.min-probabilty'")
                .hasMessageContaining("auto-entry.min-probability");
    }

    @Test
    void impossibleRangesAreEachReported() {
        assertThatThrownBy(() -> StrategySettings.of(Map.of("auto-entry.min-time-seconds", "900",
                "auto-entry.max-time-seconds", "120", "auto-entry.min-probability", "120")))
                .hasMessageContaining("min_time_seconds/max_time_seconds must satisfy 0 <= min < max <= 3600")
                .hasMessageContaining("min_probability must be 0 to 100 percent, was 120.0");
    }

    @Test
    void unreadableValuesNameTheirKey() {
        assertThatThrownBy(() -> StrategySettings.of(Map.of("risk.max-open-trades", "ten", "auto-stop.enabled", "yes",
                "auto-entry.max-ask", "1.5", "risk.daily-loss-limit", "0")))
                .hasMessageContaining("risk.max-open-trades must be a whole number, was 'ten'")
                .hasMessageContaining("auto-stop.enabled must be true or false, was 'yes'")
                .hasMessageContaining("auto-entry.max-ask must be a price from 0 to 1 dollar, was 1.5")
                .hasMessageContaining("risk.daily-loss-limit must be at least 1, was 0");
    }

    @Test
    void aSweepRowAppliesItsOverridesToTheBase() {
        StrategySettings base = StrategySettings.of(Map.of("auto-entry.min-probability", "80"));

        StrategySettings row = base.with(Map.of("auto-entry.cooldown-seconds", "60"));

        assertThat(row.trade().minProbability()).isEqualTo(80.0);
        assertThat(row.trade().cooldownSeconds()).isEqualTo(60);
    }
}
