package io.recio.simulator.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.recio.accounts.UserAccounts;
import io.recio.simulator.faults.FaultSwitches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The simulator's fault switches are a master admin's action on recio's API, with a session and CSRF token. */
@SpringBootTest(properties = {"recio.services.autostart=false", "recio.simulator.enabled=true"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SimulatorFaultsApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FaultSwitches faults;

    @AfterEach
    void off() {
        faults.reset();
    }

    @Test
    void aMasterAdminSetsAndReadsTheSwitches() throws Exception {
        mvc.perform(put("/api/admin/simulator/faults").with(user("admin").roles("MASTER_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"trading_paused\":true,\"latency_ms\":5}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trading_paused").value(true))
                .andExpect(jsonPath("$.latency_ms").value(5));
        assertThat(faults.tradingPaused()).isTrue();
        mvc.perform(get("/api/admin/simulator/faults").with(user("admin").roles("MASTER_ADMIN")))
                .andExpect(jsonPath("$.latency_ms").value(5));
    }

    @Test
    void aCrossSitePlainTextPostWithoutTheTokenChangesNothing() throws Exception {
        mvc.perform(put("/api/admin/simulator/faults").with(user("admin").roles("MASTER_ADMIN"))
                        .contentType(MediaType.TEXT_PLAIN).content("{\"trading_paused\":true}"))
                .andExpect(status().isForbidden());
        assertThat(faults.tradingPaused()).isFalse();
    }

    @Test
    void aUserMayNotTouchTheSwitches() throws Exception {
        mvc.perform(put("/api/admin/simulator/faults").with(user("ann").roles("USER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"trading_paused\":true}"))
                .andExpect(status().isForbidden());
        assertThat(faults.tradingPaused()).isFalse();
    }

    @Test
    void aBadValueIsRefusedNamingItsFieldAndChangesNothing() throws Exception {
        mvc.perform(put("/api/admin/simulator/faults").with(user("admin").roles("MASTER_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"trading_paused\":true,\"error_status\":418}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("error_status"));
        assertThat(faults.tradingPaused()).isFalse();
    }

    @Test
    void withoutAConsoleNoAccountIsCreated() {
        try (var context = io.recio.RecioCli.start(java.util.List.of("--spring.profiles.active=test",
                "--spring.main.web-application-type=none", "--recio.services.autostart=false",
                "--recio.simulator.enabled=true"))) {
            assertThat(context.getBean(UserAccounts.class).count()).isZero();
        }
    }
}
