package io.recio.kalshi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.Mode;
import io.recio.RecioProperties;
import io.recio.kalshi.KalshiUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where recio finds Kalshi: configuration in paper/live mode, the simulator's file in demo mode. */
class KalshiConnectorTest {

    private static RecioProperties recio(Mode mode, Path dataDir) {
        return new RecioProperties(mode, "127.0.0.1", dataDir, new RecioProperties.Ports(0, 0, 0));
    }

    @Test
    void liveModeWithoutAnyKeyIsUnavailableSayingWhereToSetOne(@TempDir Path dir) {
        KalshiConnector connector = new KalshiConnector(SimulatedKalshi.properties(Duration.ofSeconds(1)),
                recio(Mode.LIVE, dir), Clock.systemUTC());
        assertThatThrownBy(connector::endpoint).isInstanceOf(KalshiUnavailableException.class)
                .hasMessageContaining("recio credentials set").hasMessageContaining("recio.kalshi.key-id");
    }

    @Test
    void demoModeWithoutTheSimulatorsFileIsUnavailableNamingTheFile(@TempDir Path dir) {
        KalshiConnector connector = new KalshiConnector(SimulatedKalshi.properties(Duration.ofSeconds(1)),
                recio(Mode.DEMO, dir), Clock.systemUTC());

        assertThatThrownBy(connector::endpoint).isInstanceOf(io.recio.kalshi.KalshiUnavailableException.class)
                .hasMessageContaining("demo-credentials.json").hasMessageContaining("recio.simulator.enabled");
    }

    @Test
    void demoCredentialsFileLackingAFieldIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo-credentials.json");
        Files.writeString(file, "{\"key_id\":\"k\",\"rest_url\":\"http://x\",\"ws_url\":\"ws://x\"}");

        assertThatThrownBy(() -> KalshiConnector.readDemoCredentials(file)).hasMessageContaining("private_key_pem");
    }

    @Test
    void demoCredentialsFilePointsAtTheSimulator() throws Exception {
        try (SimulatedKalshi kalshi = new SimulatedKalshi()) {
            KalshiConnector.Endpoint endpoint = kalshi.connector.endpoint();

            assertThat(endpoint.restUrl().toString()).isEqualTo(kalshi.simulator.restUrl());
            assertThat(endpoint.wsUrl().toString()).isEqualTo(kalshi.simulator.wsUrl());
        }
    }
}
