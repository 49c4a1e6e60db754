package io.recio.ops.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.recio.ops.AlertRaised;
import io.recio.ops.AlertSeverity;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** /actuator/prometheus: recio's own metrics, for the master admin only. */
@SpringBootTest(properties = {"recio.services.autostart=false", "management.defaults.metrics.export.enabled=true",
        "management.prometheus.metrics.export.enabled=true"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MetricsEndpointTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void theAdminScrapesServiceStatesDataAgesSuspensionAndAlerts() throws Exception {
        events.publishEvent(new AlertRaised("DISK_HIGH", AlertSeverity.WARNING, "/data", "the disk is 91% full"));

        mvc.perform(get("/actuator/prometheus").with(user("boss").roles("MASTER_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(
                        Matchers.containsString("recio_service_state{service=\"kalshi_api_watchdog\",state=\"STOPPED\"} 1.0"),
                        Matchers.containsString("recio_service_restarts{service=\"trade_manager\"}"),
                        Matchers.containsString("recio_trading_suspended 0.0"),
                        Matchers.containsString("recio_data_age_seconds{kind=\"PRICE\",subject=\"BTC price\"}"),
                        Matchers.containsString("recio_alerts_total{kind=\"DISK_HIGH\",severity=\"WARNING\""))));
    }

    @Test
    void aUserMayNotScrape() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(user("u"))).andExpect(status().isForbidden());
    }
}
