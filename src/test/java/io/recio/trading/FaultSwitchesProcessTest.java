package io.recio.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14: every fault switch of the simulators held for a minute ({@code -Drecio.faults.hold}, default 60 s)
 * while the auto-entry bot runs. recio stays up and answers, marks itself degraded (a service DEGRADED or FAILED,
 * or trading held below ACTIVE) while the fault lasts, and once it is lifted its books agree with the exchange:
 * no order lost or doubled.
 */
class FaultSwitchesProcessTest {

    static final Duration HOLD = Duration.parse("PT" + System.getProperty("recio.faults.hold", "60s").toUpperCase());

    ChaosWorld world;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void everyFaultHeldForAMinuteLeavesRecioUpDegradedAndConsistent() throws Exception {
        world = new ChaosWorld("faults");
        world.startRecio();
        Map<String, Runnable> switches = new LinkedHashMap<>();
        switches.put("latency 3 s", () -> world.faults.latencyMillis(3000));
        switches.put("every request 503", () -> world.faults.errors(1.0, 503));
        switches.put("every request 429", () -> world.faults.errors(1.0, 429));
        switches.put("order answers never come", () -> world.faults.orderResponseTimeout(true));
        switches.put("trading paused", () -> world.faults.tradingPaused(true));
        switches.put("feed frozen", () -> world.faults.feedFrozen(true));
        switches.put("feed frozen and index stopped", () -> {
            world.faults.feedFrozen(true);
            world.faults.indexStopped(true);
        });
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Runnable> fault : switches.entrySet()) {
            fault.getValue().run();
            boolean degraded = false;
            Instant until = Instant.now().plus(HOLD);
            while (Instant.now().isBefore(until)) {
                degraded |= degraded();
                Thread.sleep(2000);
            }
            boolean up = world.recio.isAlive() && world.console.request("GET", "/health", null, "application/json")
                    .statusCode() == 200;
            world.faults.reset();
            List<String> problems = world.settledInvariants();
            String line = fault.getKey() + ": " + (up ? "up" : "DOWN") + ", " + (degraded ? "degraded" : "NOT degraded")
                    + ", " + (problems.isEmpty() ? "consistent" : "INCONSISTENT " + problems);
            System.out.println("fault " + line);
            if (!up || !degraded || !problems.isEmpty()) {
                failures.add(line);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Whether recio says something is wrong: a service not RUNNING, or trading held below ACTIVE. */
    boolean degraded() {
        try {
            JsonNode services = world.console.get("/api/services");
            boolean serviceDown = StreamSupport.stream(services.spliterator(), false)
                    .anyMatch(s -> s.path("state").asString("").matches("DEGRADED|FAILED"));
            return serviceDown || !"ACTIVE".equals(world.console.get("/api/trading/status").path("mode").asString());
        } catch (RuntimeException | AssertionError e) {
            return false;
        }
    }
}
