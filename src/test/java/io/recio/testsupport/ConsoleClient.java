package io.recio.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed-in browser session with a running recio over real HTTP: the session cookie and the CSRF token
 * of its pages, for tests that drive recio as a client would (child processes, error pages).
 */
public record ConsoleClient(HttpClient http, String base, String csrf) {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    /** Waits for {@code /health} to answer on the port (a child JVM starts slowly on a loaded machine), then signs in. */
    public static ConsoleClient signedIn(int port, String username, String password) {
        return signedIn(port, username, password, Duration.ofSeconds(180));
    }

    /**
     * {@link #signedIn(int, String, String)} allowing the child {@code startup} to answer {@code /health}; a
     * startup longer than the default also lets each sign-in page take up to two minutes (password hashing on a
     * starved machine).
     */
    public static ConsoleClient signedIn(int port, String username, String password, Duration startup) {
        Duration page = startup.compareTo(Duration.ofSeconds(180)) > 0 ? Duration.ofMinutes(2) : TIMEOUT;
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        await("recio to answer /health").atMost(startup).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> send(http, HttpRequest.newBuilder(URI.create(base + "/health"))
                        .timeout(Duration.ofSeconds(5)).build()).statusCode() == 200);
        String loginPage = send(http, HttpRequest.newBuilder(URI.create(base + "/login")).timeout(page).build())
                .body();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(find(FORM_CSRF, loginPage), StandardCharsets.UTF_8);
        send(http, HttpRequest.newBuilder(URI.create(base + "/login")).timeout(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String home = send(http, HttpRequest.newBuilder(URI.create(base + "/")).timeout(page).build()).body();
        return new ConsoleClient(http, base, find(META_CSRF, home));
    }

    /** GETs a JSON resource that must answer 200. */
    public JsonNode get(String path) {
        HttpResponse<String> response = request("GET", path, null, "application/json");
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Any request, with the session and CSRF token; the body (if any) is sent as JSON. */
    public HttpResponse<String> request(String method, String path, Object body, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept", accept).header("X-CSRF-TOKEN", csrf);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        }
        return send(http, b.build());
    }

    /** Posts without waiting: the answer may hang until an order's answer times out. */
    public void postInBackground(String path, Object body) {
        http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90))
                        .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    static String find(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in " + page);
        }
        return m.group(1);
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
