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
 * at sign-in, a Kalshi API key id and private key, a key the exchange refuses) over real HTTP with debug logging on:
 * afterwards no log file under the data directory and no answer of any readable route or page contains any of them.
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

    @DynamicPropertySource
    static void exchange(DynamicPropertyRegistry registry) {
        registry.add("recio.kalshi.environments.demo-rest-url", EXCHANGE::restUrl);
        registry.add("recio.kalshi.environments.demo-ws-url", EXCHANGE::wsUrl);
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
    void noLogFileAndNoAnswerContainsAPasswordOrKalshiKey() throws Exception {
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
        answers.add(admin.request("POST", "/api/me/password", Map.of("current_password", PASSWORD,
                "new_password", NEW_PASSWORD), "application/json").body());
        answers.add(admin.request("POST", "/api/me/password", Map.of("current_password", WRONG_PASSWORD,
                "new_password", NEW_PASSWORD + "x"), "application/json").body());
        for (String path : readableRoutes()) {
            answers.add(path + " " + admin.request("GET", path, null, "application/json").body());
        }
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

    /** The passwords, the key ids and every line of both private keys' Base64. */
    private static List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, NEW_PASSWORD, WRONG_PASSWORD, KEY.keyId(),
                REFUSED_KEY.keyId()));
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
