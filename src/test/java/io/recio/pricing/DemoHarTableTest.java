package io.recio.pricing;

import io.recio.testsupport.RecioChild;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A fresh demo with no setup prices with the default model: the demo seeds its history, the build at start fits
 * the HAR weights on it, and the strike table names {@code har} once the simulated feed's seconds and books run.
 */
@SpringBootTest(properties = {"recio.services.autostart=true", "recio.mode=demo", "recio.simulator.enabled=true",
        "recio.feeds.demo-history-days=3"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
// Its background services would go on running in the context cache and starve the tests after it.
@DirtiesContext
class DemoHarTableTest {

    @DynamicPropertySource
    static void simulatorPorts(DynamicPropertyRegistry registry) {
        // recio's clients reach the simulators through the port manifest: free ports, not 0
        registry.add("recio.ports.simulator-kalshi", RecioChild::freePort);
        registry.add("recio.ports.simulator-coinbase", RecioChild::freePort);
    }


    @Autowired
    MockMvc mvc;

    @Test
    void theDemosStrikeTableIsPricedByHarOnceReady() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                mvc.perform(get("/api/strike_tables/BTC").with(user("trader")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.model").value("har"))
                        .andExpect(jsonPath("$.stale").value(false)));
    }
}
