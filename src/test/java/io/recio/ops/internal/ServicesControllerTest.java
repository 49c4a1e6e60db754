package io.recio.ops.internal;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The services API in the application: health for any signed-in user, restart for the master admin only. */
@SpringBootTest(properties = "recio.services.autostart=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ServicesControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ManagedServices services;

    @Test
    void everyServiceIsListedInDependencyOrderWithItsDependencies() throws Exception {
        mvc.perform(get("/api/services").with(user("u")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", Matchers.hasItems("main_app", "trade_manager", "trade_executor",
                        "active_trade_supervisor", "auto_entry_supervisor", "symbol_price_watchdog_btc",
                        "symbol_price_watchdog_eth", "kalshi_account_sync", "kalshi_api_watchdog",
                        "unified_production_coordinator", "system_monitor")))
                .andExpect(jsonPath("$[?(@.name == 'kalshi_account_sync')].dependencies[0]").value("kalshi_api_watchdog"))
                .andExpect(jsonPath("$[?(@.name == 'trade_manager')].critical_to_trading").value(true));
    }

    @Test
    void anUnknownServiceIsNotFoundNamingIt() throws Exception {
        mvc.perform(get("/api/services/Nope!/health").with(user("u")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no managed service named 'Nope!'"));
    }

    @Test
    void aUserMayNotRestartAService() throws Exception {
        mvc.perform(post("/api/services/main_app/restart").with(user("u")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAdminRestartsAServiceAndLearnsWhichServicesNeedIt() throws Exception {
        mvc.perform(post("/api/services/kalshi_api_watchdog/restart").with(user("admin").roles("MASTER_ADMIN"))
                        .with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.service").value("kalshi_api_watchdog"))
                .andExpect(jsonPath("$.affected", Matchers.hasItems("kalshi_account_sync", "trade_manager",
                        "trade_executor", "active_trade_supervisor", "auto_entry_supervisor",
                        "unified_production_coordinator")));
        await().atMost(Duration.ofSeconds(10)).until(() -> services.health(ServiceName.KALSHI_API_WATCHDOG)
                .orElseThrow().state() != ServiceState.STOPPED);
        services.stop(ServiceName.KALSHI_API_WATCHDOG);
    }
}
