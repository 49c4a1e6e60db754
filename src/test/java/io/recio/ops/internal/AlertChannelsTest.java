package io.recio.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.recio.accounts.SecretBox;
import io.recio.ops.AlertRaised;
import io.recio.ops.AlertSeverity;
import io.recio.ops.ServiceName;
import io.recio.testsupport.RecordingContext;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every alert channel against a real local server: GreenMail for SMTP, JDK HTTP servers speaking the webhook,
 * Twilio's Messages API and Telegram's sendMessage; de-duplication, the rate limit and failed deliveries.
 */
@SpringBootTest(properties = {"recio.services.autostart=false", "recio.ops.alerts.max-per-hour=6",
        "recio.ops.alerts.email.to=trader@example.org", "recio.ops.alerts.email.min-severity=WARNING",
        "recio.ops.alerts.sms.account-sid=AC123", "recio.ops.alerts.sms.auth-token=twilio-secret-token",
        "recio.ops.alerts.sms.from=+15550001", "recio.ops.alerts.sms.to=+15550002",
        "recio.ops.alerts.sms.min-severity=CRITICAL", "recio.ops.alerts.telegram.bot-token=123:telegram-secret",
        "recio.ops.alerts.telegram.chat-id=42"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AlertChannelsTest {

    /** One request a local server received. */
    record Received(String path, String authorization, String body) {
    }

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final List<Received> HTTP = new CopyOnWriteArrayList<>();
    static final Map<String, Integer> ANSWER = new ConcurrentHashMap<>();
    static HttpServer server;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws IOException {
        SMTP.start();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            HTTP.add(new Received(path, exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            int status = ANSWER.getOrDefault(path.startsWith("/hook") ? "webhook" : path.contains("Messages")
                    ? "sms" : "telegram", path.contains("Messages") ? 201 : 200);
            byte[] body = (status / 100 == 2 ? "{\"ok\":true}" : "{\"error\":\"down for maintenance\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("recio.ops.alerts.webhook.url", () -> base + "/hook");
        registry.add("recio.ops.alerts.sms.base-url", () -> base);
        registry.add("recio.ops.alerts.telegram.base-url", () -> base);
    }

    @AfterAll
    static void stopServers() {
        server.stop(0);
        SMTP.stop();
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AlertService alerts;

    @Autowired
    AlertDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    SecretBox box;

    @Autowired
    AlertChannelSettings settings;

    @Autowired
    JsonMapper json;

    private final RecordingContext context = new RecordingContext(ServiceName.ALERT_DISPATCHER);

    @BeforeEach
    void clean() throws Exception {
        jdbc.sql("DELETE FROM system.alert_channel_setting").update();
        jdbc.sql("DELETE FROM system.alert_delivery").update();
        jdbc.sql("DELETE FROM system.alert").update();
        HTTP.clear();
        ANSWER.clear();
        SMTP.purgeEmailFromAllMailboxes();
        dispatcher.start(context);
    }

    private Received received(String pathPart) {
        return HTTP.stream().filter(r -> r.path().contains(pathPart)).findFirst().orElseThrow(
                () -> new AssertionError("nothing posted to " + pathPart + "; got " + HTTP));
    }

    @Test
    void aCriticalAlertReachesEveryChannelInItsShape() throws Exception {
        events.publishEvent(new AlertRaised("SERVICE_FAILED", AlertSeverity.CRITICAL, "kalshi_api_watchdog",
                "gave up on kalshi_api_watchdog after 5 restarts in 10 min"));

        assertThat(dispatcher.doWork(java.time.Instant.now())).isEqualTo(1);

        JsonNode hook = json.readTree(received("/hook").body());
        assertThat(hook.path("kind").asString()).isEqualTo("SERVICE_FAILED");
        assertThat(hook.path("severity").asString()).isEqualTo("CRITICAL");
        assertThat(hook.path("subject").asString()).isEqualTo("kalshi_api_watchdog");
        assertThat(hook.path("raised_at").asString()).isNotBlank();

        Received sms = received("/2010-04-01/Accounts/AC123/Messages.json");
        Map<String, String> form = form(sms.body());
        assertThat(form).containsEntry("To", "+15550002").containsEntry("From", "+15550001");
        assertThat(form.get("Body")).startsWith("[CRITICAL] recio on ").endsWith(
                ": gave up on kalshi_api_watchdog after 5 restarts in 10 min");
        assertThat(sms.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("AC123:twilio-secret-token".getBytes(StandardCharsets.UTF_8)));

        JsonNode telegram = json.readTree(received("/bot123:telegram-secret/sendMessage").body());
        assertThat(telegram.path("chat_id").asString()).isEqualTo("42");
        assertThat(telegram.path("text").asString()).contains("gave up on kalshi_api_watchdog");

        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("[recio CRITICAL] SERVICE_FAILED kalshi_api_watchdog");
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("trader@example.org");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM system.alert_delivery WHERE ok").query(Long.class).single())
                .isEqualTo(4);
        assertThat(context.state()).isEqualTo(io.recio.ops.ServiceState.RUNNING);
    }

    @Test
    void aWarningSkipsTheChannelsThatWantOnlyCriticalOnes() {
        alerts.raise(new AlertRaised("TRADING_SUSPENDED", AlertSeverity.WARNING, null, "new entries suspended"));
        dispatcher.doWork(java.time.Instant.now());

        assertThat(HTTP).extracting(Received::path).noneMatch(p -> p.contains("Messages"));
        assertThat(HTTP).extracting(Received::path).anyMatch(p -> p.equals("/hook"));
    }

    @Test
    void theSameAlertIsSentOnceWithinTheWindowAndAllAreKept() {
        AlertRaised mismatch = new AlertRaised("RECONCILE_POSITION", AlertSeverity.WARNING, "KXBTCD-26SEP2516-T90000",
                "venue holds 3, recio 2");

        assertThat(alerts.raise(mismatch)).isEqualTo(AlertService.Status.SENT);
        assertThat(alerts.raise(mismatch)).isEqualTo(AlertService.Status.DUPLICATE);
        assertThat(alerts.raise(new AlertRaised("RECONCILE_POSITION", AlertSeverity.WARNING, "KXBTCD-26SEP2516-T91000",
                "venue holds 1, recio 0"))).as("another subject").isEqualTo(AlertService.Status.SENT);
        assertThat(alerts.recent(10)).extracting(AlertService.Row::status).containsExactly(AlertService.Status.SENT,
                AlertService.Status.DUPLICATE, AlertService.Status.SENT);
    }

    @Test
    void pastTheRateLimitAlertsAreKeptButNotSent() {
        for (int i = 0; i < 6; i++) {
            assertThat(alerts.raise(new AlertRaised("RECONCILE_FILL", AlertSeverity.WARNING, "T" + i, "fill " + i)))
                    .isEqualTo(AlertService.Status.SENT);
        }

        assertThat(alerts.raise(new AlertRaised("RECONCILE_FILL", AlertSeverity.WARNING, "T7", "fill 7")))
                .isEqualTo(AlertService.Status.RATE_LIMITED);
    }

    @Test
    void aChannelThatFailsIsRecordedAndTheOthersStillDeliver() {
        ANSWER.put("webhook", 503);

        alerts.raise(new AlertRaised("DISK_HIGH", AlertSeverity.WARNING, "/data", "the disk is 93% full"));
        dispatcher.doWork(java.time.Instant.now());

        AlertService.Row row = alerts.recent(1).getFirst();
        assertThat(row.deliveries()).filteredOn(d -> d.channel().equals("webhook")).singleElement()
                .satisfies(d -> {
                    assertThat(d.ok()).isFalse();
                    assertThat(d.error()).isEqualTo("webhook answered 503: {\"error\":\"down for maintenance\"}");
                });
        assertThat(row.deliveries()).filteredOn(d -> d.channel().equals("telegram")).singleElement()
                .satisfies(d -> assertThat(d.ok()).isTrue());
        assertThat(context.state()).isEqualTo(io.recio.ops.ServiceState.DEGRADED);
        assertThat(context.reason()).contains("webhook answered 503");
    }

    @Test
    void theAdminSendsATestAlertThroughOneChannelAndAUserMayNot() throws Exception {
        mvc.perform(post("/api/alerts/test").with(user("boss").roles("MASTER_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"telegram\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].channel").value("telegram"))
                .andExpect(jsonPath("$[0].ok").value(true));
        assertThat(json.readTree(received("sendMessage").body()).path("text").asString())
                .contains("test alert sent by boss");

        mvc.perform(post("/api/alerts/test").with(user("u")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/alerts/test").with(user("boss").roles("MASTER_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"pigeon\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("channel"));
    }

    @Test
    void theChannelListNeverShowsAToken() throws Exception {
        String body = mvc.perform(get("/api/alerts/channels").with(user("boss").roles("MASTER_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", Matchers.hasItems("webhook", "email", "sms", "telegram")))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("twilio-secret-token").doesNotContain("telegram-secret");
        mvc.perform(get("/api/alerts/channels").with(user("u"))).andExpect(status().isForbidden());
    }

    @Test
    void theAdminSetsAChannelInThePanelAndItsSecretIsNeverAnsweredBack() throws Exception {
        String body = mvc.perform(put("/api/alerts/channels/telegram").with(user("boss").roles("MASTER_ADMIN"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": true, \"target\": \"777\", \"secret\": \"999:panel-bot-secret\","
                                + " \"min_severity\": \"CRITICAL\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("settings"))
                .andExpect(jsonPath("$.min_severity").value("CRITICAL"))
                .andExpect(jsonPath("$.fields[?(@.name == 'target')].value").value("777"))
                .andExpect(jsonPath("$.fields[?(@.name == 'secret')].set").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("panel-bot-secret");
        assertThat(mvc.perform(get("/api/alerts/channels").with(user("boss").roles("MASTER_ADMIN")))
                .andReturn().getResponse().getContentAsString()).doesNotContain("panel-bot-secret");

        mvc.perform(post("/api/alerts/test").with(user("boss").roles("MASTER_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"telegram\"}"))
                .andExpect(jsonPath("$[0].ok").value(true));
        Received sent = received("/bot999:panel-bot-secret/sendMessage");
        assertThat(json.readTree(sent.body()).path("chat_id").asString()).isEqualTo("777");
        assertThat(jdbc.sql("SELECT detail FROM users.audit_event WHERE action = 'ops.alert_channel' ORDER BY id DESC")
                .query(String.class).list().getFirst()).isEqualTo("on, from CRITICAL, target changed, secret changed");
    }

    @Test
    void aChannelIsNotSwitchedOnWithoutWhatItNeeds() throws Exception {
        mvc.perform(put("/api/alerts/channels/sms").with(user("boss").roles("MASTER_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": true, \"secret\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("secret"));
        mvc.perform(put("/api/alerts/channels/webhook").with(user("boss").roles("MASTER_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"secret\": \"file:///etc/passwd\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("secret"));
        mvc.perform(put("/api/alerts/channels/sms").with(user("u")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false}")).andExpect(status().isForbidden());
    }

    @Test
    void aChannelSwitchedOffInThePanelSendsNothing() throws Exception {
        mvc.perform(put("/api/alerts/channels/webhook").with(user("boss").roles("MASTER_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false}"))
                .andExpect(jsonPath("$.enabled").value(false));

        alerts.raise(new AlertRaised("SERVICE_FAILED", AlertSeverity.CRITICAL, "panel", "switched off"));
        dispatcher.doWork(java.time.Instant.now());

        assertThat(HTTP).noneMatch(r -> r.path().startsWith("/hook"));
        assertThat(HTTP).anyMatch(r -> r.path().contains("sendMessage"));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            m.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return m;
    }

    private void setTelegram(String botToken) throws Exception {
        mvc.perform(put("/api/alerts/channels/telegram").with(user("boss").roles("MASTER_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": true, \"target\": \"777\", \"secret\": \"" + botToken + "\"}"))
                .andExpect(status().isOk());
    }

    private void sendTestAlertByTelegram() throws Exception {
        mvc.perform(post("/api/alerts/test").with(user("boss").roles("MASTER_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"telegram\"}"))
                .andExpect(jsonPath("$[0].ok").value(true));
    }

    /** Every column of the channel's row, as the database holds it. */
    private String storedRow(String channel) {
        return jdbc.sql("SELECT CONCAT(channel, '|', enabled, '|', target, '|', sender, '|', account, '|', secret, '|',"
                        + " secret_sealed, '|', secret_key_id, '|', min_severity, '|', updated_by)"
                        + " FROM system.alert_channel_setting WHERE channel = ?")
                .param(channel).query(String.class).single();
    }

    @Test
    void aSecretSetInThePanelIsStoredSealedAndStillSends() throws Exception {
        setTelegram("555:sealed-bot-secret");

        assertThat(storedRow("telegram")).doesNotContain("sealed-bot-secret").contains(box.masterKeyId());
        assertThat(jdbc.sql("SELECT secret FROM system.alert_channel_setting WHERE channel = 'telegram'")
                .query(String.class).optional()).isEmpty();
        sendTestAlertByTelegram();
        received("/bot555:sealed-bot-secret/sendMessage");
    }

    @Test
    void aPlainSecretAnOlderVersionStoredIsSealedAtStartAndStillSends() throws Exception {
        jdbc.sql("INSERT INTO system.alert_channel_setting (channel, enabled, target, secret, min_severity, updated_at,"
                + " updated_by) VALUES ('telegram', TRUE, '777', '666:plain-bot-secret', 'INFO', CURRENT_TIMESTAMP,"
                + " 'boss')").update();

        settings.sealPlainSecretsAtStart();

        assertThat(storedRow("telegram")).doesNotContain("plain-bot-secret");
        sendTestAlertByTelegram();
        received("/bot666:plain-bot-secret/sendMessage");
    }

    @Test
    void rotatingTheMasterKeyReSealsTheSecretAndTheChannelKeepsSending() throws Exception {
        setTelegram("888:rotated-bot-secret");
        String before = storedRow("telegram");

        String next = box.rotate(null);

        String after = storedRow("telegram");
        assertThat(after).isNotEqualTo(before).contains(next).doesNotContain("rotated-bot-secret");
        sendTestAlertByTelegram();
        received("/bot888:rotated-bot-secret/sendMessage");
    }
}
