package io.recio.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.recio.RecioProperties;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The log files under the data directory: the application log and one per service, rolled by size and gzipped
 * (a 20 KB limit here instead of 10 MB), and read back from the end by the admin only.
 */
@SpringBootTest(properties = {"recio.services.autostart=false", "recio.logs.max-file-size=20KB"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LogsTest {

    private static final Logger log = LoggerFactory.getLogger(LogsTest.class);

    @Autowired
    RecioProperties recio;

    @Autowired
    ManagedServices services;

    @Autowired
    MockMvc mvc;

    private Path logs() {
        return recio.dataDir().resolve("logs");
    }

    @Test
    void aServicesLinesGoToItsOwnFileAndToTheApplicationLog() throws Exception {
        services.start(ServiceName.SYSTEM_MONITOR);
        await().atMost(Duration.ofSeconds(20)).until(() -> services.health(ServiceName.SYSTEM_MONITOR).orElseThrow()
                .state() != ServiceState.STARTING && services.health(ServiceName.SYSTEM_MONITOR).orElseThrow().state()
                != ServiceState.STOPPED);
        services.stop(ServiceName.SYSTEM_MONITOR);

        assertThat(Files.readString(logs().resolve("system_monitor.log"))).contains("service system_monitor is RUNNING");
        assertThat(Files.readString(logs().resolve("recio.log"))).contains("service system_monitor is RUNNING");
        List<String> lines = Files.readAllLines(logs().resolve("system_monitor.log"));
        mvc.perform(get("/api/logs/system_monitor").param("lines", "1").with(user("boss").roles("MASTER_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.lines[0]").value(lines.getLast()));
    }

    @Test
    void logsRollAtTheirSizeLimitAndThePastPartsAreGzipped() throws IOException {
        MDC.put(ServiceRunner.MDC_SERVICE, "trade_manager");
        try {
            for (int i = 0; i < 600; i++) {
                log.info("filler line {} to roll the log over: {}", i, "x".repeat(100));
            }
        } finally {
            MDC.remove(ServiceRunner.MDC_SERVICE);
        }
        log.info("one more line to trigger the roll");
        MDC.put(ServiceRunner.MDC_SERVICE, "trade_manager");
        log.info("and one for the service");
        MDC.remove(ServiceRunner.MDC_SERVICE);

        try (Stream<Path> files = Files.list(logs())) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.matches("recio\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.log\\.gz"));
            assertThat(names).anyMatch(n -> n.matches("trade_manager\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.log\\.gz"));
        }
        assertThat(Files.size(logs().resolve("trade_manager.log"))).isLessThan(25_000);
    }

    @Test
    void followingALogGivesOnlyWhatWasWrittenSince() throws Exception {
        log.info("before the offset");
        String first = mvc.perform(get("/api/logs/recio").with(user("boss").roles("MASTER_ADMIN")))
                .andReturn().getResponse().getContentAsString();
        long offset = Long.parseLong(first.replaceAll(".*\"offset\":(\\d+).*", "$1"));
        log.info("after the offset, to be followed");

        mvc.perform(get("/api/logs/recio").param("after", String.valueOf(offset))
                        .with(user("boss").roles("MASTER_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[*]", Matchers.hasItem(Matchers.containsString("after the offset"))))
                .andExpect(jsonPath("$.lines[*]", Matchers.not(Matchers.hasItem(
                        Matchers.containsString("before the offset")))));
    }

    @Test
    void onlyTheAdminReadsLogsAndOnlyByName() throws Exception {
        mvc.perform(get("/api/logs/recio").with(user("u"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/logs/..%2F..%2Fetc%2Fpasswd").with(user("boss").roles("MASTER_ADMIN")))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/api/logs/nope").with(user("boss").roles("MASTER_ADMIN")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", Matchers.startsWith("no log named 'nope'")));
        mvc.perform(get("/api/logs/recio").param("lines", "0").with(user("boss").roles("MASTER_ADMIN")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lines"));
    }
}
