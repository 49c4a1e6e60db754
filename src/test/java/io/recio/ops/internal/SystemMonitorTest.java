package io.recio.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.recio.RecioProperties;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import io.recio.testsupport.RecordingContext;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** system_monitor stepped by hand in the application: samples, their history and retention, duplicates. */
@SpringBootTest(properties = "recio.services.autostart=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SystemMonitorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    @Autowired
    SystemMonitor monitor;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecioProperties recio;

    @Autowired
    IncidentLog incidents;

    @Autowired
    DataRetention retention;

    private final RecordingContext context = new RecordingContext(ServiceName.SYSTEM_MONITOR);

    @BeforeEach
    void started() throws Exception {
        jdbc.sql("DELETE FROM system.health_status").update();
        jdbc.sql("DELETE FROM system.instance").update();
        monitor.start(context);
    }

    @AfterEach
    void stopped() {
        monitor.stop();
    }

    @Test
    void aSampleShowsResourcesInGigabytesAndPercentWithTheirLevelsTheDatabaseAndTheServices() throws Exception {
        monitor.doWork(T0);

        mvc.perform(get("/api/system/health").with(user("u")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timestamp").value(T0.toString()))
                .andExpect(jsonPath("$.memory.total_gb", Matchers.greaterThan(0.0)))
                .andExpect(jsonPath("$.memory.percent", Matchers.both(Matchers.greaterThan(0.0))
                        .and(Matchers.lessThanOrEqualTo(100.0))))
                .andExpect(jsonPath("$.memory.level", Matchers.oneOf("LOW", "MEDIUM", "HIGH")))
                .andExpect(jsonPath("$.disk.free_gb", Matchers.greaterThan(0.0)))
                .andExpect(jsonPath("$.cpu.cores", Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.jvm.threads", Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.database.reachable").value(true))
                .andExpect(jsonPath("$.database.pool_total", Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.services.total", Matchers.greaterThanOrEqualTo(12)))
                .andExpect(jsonPath("$.services.stopped", Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.data[?(@.subject == 'BTC price')]").exists());
        assertThat(context.reason()).as("only a full memory or disk of this machine may be a problem")
                .satisfiesAnyOf(r -> assertThat(r).isNull(), r -> assertThat(r).matches("(memory|disk) at \\d+%.*"));
    }

    @Test
    void samplesAreKeptAsAHistoryAndExpireAfterTheRetention() throws Exception {
        monitor.doWork(T0.minus(Duration.ofDays(8)));
        monitor.doWork(T0.minus(Duration.ofDays(8)).plusSeconds(15));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM system.health_status").query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/api/system/health/history").with(user("u"))
                        .param("from", T0.minus(Duration.ofDays(9)).toString())
                        .param("to", T0.minus(Duration.ofDays(7)).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(2))
                .andExpect(jsonPath("$.points[0].db_ok").value(true));

        monitor.doWork(T0);
        retention.pass(T0);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM system.health_status").query(Long.class).single())
                .as("data_retention removed the 8-day-old samples, past the 7-day retention").isEqualTo(1);
    }

    @Test
    void aBadHistoryRangeIsRefusedNamingTheField() throws Exception {
        mvc.perform(get("/api/system/health/history").with(user("u")).param("from", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("from"))
                .andExpect(jsonPath("$.detail", Matchers.containsString("ISO-8601")));
        mvc.perform(get("/api/system/health/history").with(user("u")).param("from", "2026-03-02T15:00:00Z")
                        .param("to", "2026-03-02T14:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("from must be before to"));
    }

    @Test
    void aSecondInstanceOnTheSameDatabaseIsReportedAndNothingIsStopped() {
        InstanceHeartbeat other = new InstanceHeartbeat(jdbc, recio);
        monitor.doWork(T0);
        assertThat(monitor.latest().otherInstances()).isEmpty();

        other.register(T0.plusSeconds(10));
        monitor.doWork(T0.plusSeconds(15));

        assertThat(context.state()).isEqualTo(ServiceState.DEGRADED);
        assertThat(context.reason()).startsWith("1 other recio instance on this database (" + other.instanceId());
        assertThat(monitor.latest().otherInstances()).singleElement()
                .satisfies(o -> assertThat(o.instanceId()).isEqualTo(other.instanceId()));

        monitor.doWork(T0.plusSeconds(100));
        assertThat(monitor.latest().otherInstances()).as("its heartbeat is old: gone").isEmpty();
        assertThat(context.reason()).satisfiesAnyOf(r -> assertThat(r).isNull(),
                r -> assertThat(r).doesNotContain("other recio instance"));
    }

    @Test
    void aDataDirectoryHeldByAnotherProcessIsReported() throws Exception {
        monitor.stop();
        try (FileChannel channel = FileChannel.open(recio.dataDir().resolve("instance.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            monitor.start(context);
            monitor.doWork(T0);

            assertThat(held.isValid()).isTrue();
            assertThat(context.reason()).contains("another process holds the data directory");
        }
    }

    @Test
    void incidentsAreListedNewestFirstWithTheirCausesAndActions() throws Exception {
        long id = incidents.open("kalshi_api_watchdog is FAILED", T0);
        incidents.add(id, io.recio.ops.Incident.Kind.ACTION, "suspended new entries", T0.plusSeconds(1));
        incidents.close(id, T0.plusSeconds(40));

        mvc.perform(get("/api/system/incidents").with(user("u")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("kalshi_api_watchdog is FAILED"))
                .andExpect(jsonPath("$[0].closed_at").value(T0.plusSeconds(40).toString()))
                .andExpect(jsonPath("$[0].entries[0].kind").value("CAUSE"))
                .andExpect(jsonPath("$[0].entries[1].text").value("suspended new entries"));
        mvc.perform(get("/api/system/incidents").with(user("u")).param("limit", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("limit"));
    }

    @Test
    void levelsFollowTheConfiguredPercentages() {
        assertThat(SystemMonitor.level(69.9, 70, 90)).isEqualTo(SystemHealth.Level.LOW);
        assertThat(SystemMonitor.level(70.0, 70, 90)).isEqualTo(SystemHealth.Level.MEDIUM);
        assertThat(SystemMonitor.level(90.0, 70, 90)).isEqualTo(SystemHealth.Level.HIGH);
        assertThat(SystemMonitor.level(null, 70, 90)).isNull();
    }
}
