package io.recio.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recio.simulator.faults.FaultSwitches;
import io.recio.testsupport.FixedPrices;
import io.recio.testsupport.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class KalshiSimulatorStartTest {

    @Test
    void aTakenPortStopsTheStartWithAMessageNamingIt() throws Exception {
        MutableClock clock = new MutableClock(SimulatorFixture.START);
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            KalshiExchangeSimulator simulator = new KalshiExchangeSimulator(new FixedPrices(clock, "90000", "3000"),
                    new FaultSwitches(), clock, KalshiSimulatorSettings.defaults());
            assertThatThrownBy(() -> simulator.start("127.0.0.1", taken.getLocalPort(), false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void portZeroPicksAFreePortAndTheUrlsNameIt() {
        try (SimulatorFixture sim = new SimulatorFixture()) {
            assertThat(sim.simulator.port()).isPositive();
            assertThat(sim.simulator.restUrl()).isEqualTo("http://127.0.0.1:" + sim.simulator.port() + "/trade-api/v2");
            assertThat(sim.simulator.wsUrl()).isEqualTo("ws://127.0.0.1:" + sim.simulator.port() + "/trade-api/ws/v2");
        }
    }
}
