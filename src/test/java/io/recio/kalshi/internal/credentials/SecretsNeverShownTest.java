package io.recio.kalshi.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.RecioProperties;
import io.recio.simulator.exchange.KalshiExchangeSimulator;
import io.recio.simulator.exchange.KalshiSimulatorSettings;
import io.recio.simulator.faults.FaultSwitches;
import io.recio.testsupport.ConsoleClient;
import io.recio.testsupport.FixedPrices;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A session that handles every kind of secret recio knows (the admin's password and a new one, a wrong password
 * at sign-in, a Kalshi API key id and private key, a key the exchange refuses, an API token used on every readable
 * route and a mistyped one, an alert channel's bot token and webhook URL whose deliveries fail) over real HTTP with
 * debug logging on: afterwards no log file under the data directory and no answer of any readable route or page
 * contains any of them (but the one answer that shows a new token once).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "recio.services.autostart=false", "recio.mode=paper", "logging.level.io.recio=debug",
        "logging.level.org.springframework.security=debug", "logging.level.org.springframework.web=debug"})
@ActiveProfiles("test")
class SecretsNeverShownTest {

    static final KalshiExchangeSimulator EXCHANGE = new KalshiExchangeSimulator(
            new FixedPrices(Clock.systemUTC(), "90000.00", "3000.00"), new FaultSwitches(), Clock.systemUTC(),
            KalshiSimulatorSettings.defaults().withRateLimited(false));
    static final KalshiExchangeSimulator.Credentials KEY;
    static final KalshiExchangeSimulator.Credentials REFUSED_KEY;

    static {
        EXCHANGE.start("127.0.0.1", 0, false);
        KEY = EXCHANGE.provisionAccount();
        REFUSED_KEY = EXCHANGE.provisionAccount();
    }

    static final String PASSWORD = "admin-test-password";
    static final String NEW_PASSWORD = "Correct-Horse-Battery-7319";
    static final String WRONG_PASSWORD = "Wrong-Guess-Secret-5521";
    /** Short enough that Spring's debug line of the request body (cut at 100 characters) would hold all of it. */
    static final String BOT_TOKEN = "4242:Bot-Secret-9917";
    /** A webhook URL whose space makes it no URI: the error of sending to it must not quote it. */
    static final String WEBHOOK_URL = "http://127.0.0.1:9/hooks/Alert-Hook-Token-8841 x";
    /** A port nothing listens on, so that every delivery fails and its error is answered and logged. */
    static final int NOTHING_LISTENS = 9;

    @DynamicPropertySource
    static void exchange(DynamicPropertyRegistry registry) {
        registry.add("recio.kalshi.environments.demo-rest-url", EXCHANGE::restUrl);
        registry.add("recio.kalshi.environments.demo-ws-url", EXCHANGE::wsUrl);
        registry.add("recio.ops.alerts.telegram.base-url", () -> "http://127.0.0.1:" + NOTHING_LISTENS);
    }

    @LocalServerPort
    int port;
    @Autowired
    RecioProperties recio;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @AfterAll
    static void stopExchange() {
        EXCHANGE.stop();
    }

    @Test
    void noLogFileAndNoAnswerContainsAPasswordKeyTokenOrAlertSecret() throws Exception {
        failedSignIn();
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", PASSWORD);
        List<String> answers = new ArrayList<>();
        answers.add(admin.request("PUT", "/api/admin/kalshi/credentials", Map.of("environment", "demo",
                "key_id", KEY.keyId(), "private_key", KEY.privateKeyPem()), "application/json").body());
        answers.add(admin.request("PUT", "/api/admin/kalshi/credentials", Map.of("environment", "demo",
                "key_id", KEY.keyId(), "private_key", REFUSED_KEY.privateKeyPem()), "application/json").body());
        answers.add(admin.request("PUT", "/api/admin/kalshi/credentials", Map.of("environment", "demo",
                "key_id", KEY.keyId(), "private_key", KEY.privateKeyPem().replace("PRIVATE KEY", "PUBLIC KEY")),
                "application/json").body());
        answers.add(admin.request("PUT", "/api/alerts/channels/telegram", Map.of("enabled", true, "target", "42",
                "secret", BOT_TOKEN), "application/json").body());
        answers.add(admin.request("PUT", "/api/alerts/channels/webhook", Map.of("enabled", true,
                "secret", WEBHOOK_URL), "application/json").body());
        answers.add(admin.request("POST", "/api/alerts/test", Map.of(), "application/json").body());
        answers.add(admin.request("POST", "/api/me/password", Map.of("current_password", PASSWORD,
                "new_password", NEW_PASSWORD), "application/json").body());
        answers.add(admin.request("POST", "/api/me/password", Map.of("current_password", WRONG_PASSWORD,
                "new_password", NEW_PASSWORD + "x"), "application/json").body());
        HttpResponse<String> created = admin.request("POST", "/api/me/tokens", Map.of("name", "monitoring",
                "scope", "read", "expires_in_days", 30), "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        token = ConsoleClient.JSON.readTree(created.body()).path("token").asString();
        assertThat(token).startsWith("recio_");
        for (String path : readableRoutes()) {
            answers.add(path + " " + admin.request("GET", path, null, "application/json").body());
            answers.add("token " + path + " " + withToken(path, token).body());
        }
        HttpResponse<String> used = withToken("/api/me", token);
        assertThat(used.statusCode()).as("the token works: %s", used.body()).isEqualTo(200);
        answers.add("mistyped token " + withToken("/api/me", token + "x").body());
        answers.add("metrics " + withToken("/actuator/prometheus", token).body());
        for (String page : List.of("/", "/account", "/settings", "/system", "/credentials", "/history")) {
            answers.add(page + " " + admin.request("GET", page, null, "text/html").body());
        }

        List<String> secrets = secrets();
        for (String answer : answers) {
            for (String secret : secrets) {
                assertThat(answer).as("an answer").doesNotContain(secret);
            }
        }
        List<Path> logs;
        try (Stream<Path> files = Files.walk(recio.dataDir())) {
            logs = files.filter(Files::isRegularFile).filter(f -> f.toString().contains("log")).toList();
        }
        assertThat(logs).as("log files under %s", recio.dataDir()).isNotEmpty();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertThat(text).as(log.toString()).doesNotContain(secret);
            }
        }
    }

    /** The API token the session created (its one answer is not searched). */
    private String token;

    private HttpResponse<String> withToken(String path, String bearer) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The passwords, the key ids, every line of both private keys' Base64, the API token and the alert secrets. */
    private List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, NEW_PASSWORD, WRONG_PASSWORD, KEY.keyId(),
                REFUSED_KEY.keyId(), token, token.substring("recio_".length()), BOT_TOKEN, "Bot-Secret-9917",
                "Alert-Hook-Token-8841"));
        for (String pem : List.of(KEY.privateKeyPem(), REFUSED_KEY.privateKeyPem())) {
            pem.lines().filter(l -> !l.startsWith("-----")).filter(l -> l.length() > 20).forEach(secrets::add);
        }
        return secrets;
    }

    private void failedSignIn() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = login.replaceAll("(?s).*name=\"_csrf\"\\s+value=\"([^\"]+)\".*", "$1");
        http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode(WRONG_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every GET route under /api/ without a path variable (found in the handler mappings). */
    private List<String> readableRoutes() {
        return mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().contains(RequestMethod.GET)
                        || info.getMethodsCondition().getMethods().isEmpty())
                .flatMap(info -> info.getPatternValues().stream())
                .filter(p -> p.startsWith("/api/") && !p.contains("{")).sorted().toList();
    }
}
