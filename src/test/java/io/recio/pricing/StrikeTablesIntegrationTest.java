package io.recio.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.recio.RecioProperties;
import io.recio.feeds.PriceHistory;
import io.recio.market.Symbol;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinator in the running application (H2): history from a stand-in feeds module builds the models
 * at start, ticks and quotes published as events produce tables on the API, in the file and as events.
 */
@SpringBootTest(properties = "recio.services.autostart=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
// Its background services would go on running in the context cache and starve the tests after it.
@DirtiesContext
class StrikeTablesIntegrationTest {

    @TestConfiguration
    static class Inputs {
        @Bean
        PriceHistory history() {
            return SyntheticFeeds.history(Instant.now());
        }

        @Bean
        Captured captured() {
            return new Captured();
        }
    }

    /** Every StrikeTableUpdated the application published. */
    static class Captured {
        final List<StrikeTableUpdated> updates = new CopyOnWriteArrayList<>();

        @EventListener
        void on(StrikeTableUpdated u) {
            updates.add(u);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Captured captured;

    @Autowired
    RecioProperties recio;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManagedServices services;

    @Autowired
    ProbabilityModels models;

    private void publishMarket(Symbol symbol, double spot) {
        Instant now = Instant.now();
        events.publishEvent(SyntheticFeeds.tick(symbol, now, spot));
        Instant close = io.recio.market.EventTicker.nextClose(now);
        double step = symbol == Symbol.BTC ? 250 : 20;
        SyntheticFeeds.quotes(symbol, close, spot, step, 5, now).forEach(events::publishEvent);
        SyntheticFeeds.quotes(symbol, close.plus(Duration.ofHours(1)), spot, step, 5, now).forEach(events::publishEvent);
    }

    @Test
    void aFreshInstallBuildsEveryModelFromTheHistoryItHas() {
        await().atMost(Duration.ofSeconds(30)).until(() -> models.all().stream().allMatch(m -> m.isReady(Symbol.BTC)
                && m.isReady(Symbol.ETH)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM analytics.fingerprint_cell WHERE symbol = 'BTC'").query(Long.class)
                .single()).isEqualTo(60L * 61);
        assertThat(jdbc.sql("SELECT student_t_nu FROM analytics.model_build WHERE symbol = 'ETH'").query(Double.class)
                .single()).isGreaterThan(4);
        assertThat(jdbc.sql("SELECT har_weight_60m + har_weight_1440m FROM analytics.model_build WHERE symbol = 'ETH'")
                .query(Double.class).single()).isPositive();
    }

    @Test
    void newHistoryRebuildsThatSymbolsModels() {
        await().atMost(Duration.ofSeconds(30)).until(() -> models.all().stream().allMatch(m -> m.isReady(Symbol.ETH)));
        java.sql.Timestamp before = jdbc.sql("SELECT built_at FROM analytics.model_build WHERE symbol = 'ETH'")
                .query(java.sql.Timestamp.class).single();

        events.publishEvent(new io.recio.feeds.HistoryImported(Symbol.ETH, 1440));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT built_at FROM analytics.model_build WHERE symbol = 'ETH'").query(java.sql.Timestamp.class)
                .single().after(before));
    }

    @Test
    void ticksAndQuotesProduceAFreshTableOnTheApiInTheFileAndAsAnEvent() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> models.all().stream().allMatch(m -> m.isReady(Symbol.BTC)));
        publishMarket(Symbol.BTC, 100_000);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mvc.perform(get("/api/strike_tables/BTC")
                        .with(user("admin").roles("MASTER_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.symbol").value("BTC"))
                .andExpect(jsonPath("$.stale").value(false))
                .andExpect(jsonPath("$.model").value("har"))
                .andExpect(jsonPath("$.current.strikes.length()").value(10))
                .andExpect(jsonPath("$.next.strikes.length()").value(10)));
        assertThat(captured.updates).anyMatch(u -> u.table().symbol() == Symbol.BTC && !u.table().stale());
        Path file = recio.dataDir().resolve("strike_tables/btc_strike_table.json");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode written = json.readTree(Files.readString(file));
            assertThat(written.path("symbol").asString()).isEqualTo("BTC");
            assertThat(written.path("current").path("strikes").size()).isEqualTo(10);
        });
        StrikeTable table = captured.updates.stream().map(StrikeTableUpdated::table)
                .filter(t -> t.symbol() == Symbol.BTC && t.current() != null).reduce((a, b) -> b).orElseThrow();
        double previous = 1.0;
        for (StrikeRow row : table.current().rows()) {
            assertThat(row.probabilityYes()).as("P(above) falls as the strike rises").isLessThanOrEqualTo(previous);
            previous = row.probabilityYes();
        }
    }

    @Test
    void aClientThatHoldsTheNewestTableIsAnsweredNotModified() {
        // the table is recomputed every second: a pair of requests between two computations shows it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String etag = mvc.perform(get("/api/strike_tables/BTC").with(user("admin").roles("MASTER_ADMIN")))
                    .andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
            assertThat(etag).isNotBlank();
            mvc.perform(get("/api/strike_tables/BTC").with(user("admin").roles("MASTER_ADMIN"))
                            .header("If-None-Match", etag))
                    .andExpect(status().isNotModified());
        });
    }

    @Test
    void theServiceRunsUnderRecioName() {
        await().atMost(Duration.ofSeconds(10)).until(() -> services.health(ServiceName.UNIFIED_PRODUCTION_COORDINATOR).isPresent());
        assertThat(services.health(ServiceName.UNIFIED_PRODUCTION_COORDINATOR).get().state())
                .isIn(ServiceState.RUNNING, ServiceState.DEGRADED);
    }

    @Test
    void theWatchlistEndpointAnswersForEachSymbol() throws Exception {
        mvc.perform(get("/api/watchlist/eth").with(user("admin").roles("MASTER_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.symbol").value("ETH"))
                .andExpect(jsonPath("$.entries").isArray());
    }

    @Test
    void theCalculatorAnswersEveryModelAndNamesTheDefault() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> models.all().stream().allMatch(m -> m.isReady(Symbol.BTC)));
        mvc.perform(get("/api/model/probability").with(user("admin").roles("MASTER_ADMIN"))
                        .param("symbol", "BTC").param("spot", "100000").param("strike", "99000")
                        .param("seconds_to_close", "1800").param("momentum_bp", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inputs.strike").value(99000.0))
                .andExpect(jsonPath("$.models.fingerprint").isNumber())
                .andExpect(jsonPath("$.models.volatility").isNumber())
                .andExpect(jsonPath("$.models.har").isNumber())
                .andExpect(jsonPath("$.default").value("har"));
    }

    @Test
    void aMissingOrBadCalculatorParameterIsA400NamingIt() throws Exception {
        mvc.perform(get("/api/model/probability").with(user("admin").roles("MASTER_ADMIN"))
                        .param("symbol", "BTC").param("strike", "99000").param("seconds_to_close", "60"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("spot is missing"));
        mvc.perform(get("/api/model/probability").with(user("admin").roles("MASTER_ADMIN"))
                        .param("symbol", "DOGE").param("spot", "1").param("strike", "1").param("seconds_to_close", "60"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("symbol: unknown symbol 'DOGE'; expected BTC or ETH"));
        mvc.perform(get("/api/model/probability").with(user("admin").roles("MASTER_ADMIN"))
                        .param("symbol", "BTC").param("spot", "1").param("strike", "1").param("seconds_to_close", "soon"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("seconds_to_close 'soon' is not a number"));
    }

    @Test
    void theLivePushAndTheApiNeedASession() throws Exception {
        mvc.perform(get("/ws/live")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/strike_tables/BTC")).andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownSymbolInThePathIsA400() throws Exception {
        mvc.perform(get("/api/strike_tables/XRP").with(user("admin").roles("MASTER_ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid"));
    }

    @Test
    void thePriceHistoryGivesChartPointsAndTheHourlyChange() throws Exception {
        mvc.perform(get("/api/price_history/BTC").param("minutes", "60").with(user("admin").roles("USER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(58)))
                .andExpect(jsonPath("$.changes_percent.1h").isNumber());
    }
}
