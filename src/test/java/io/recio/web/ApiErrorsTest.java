package io.recio.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.testsupport.ConsoleClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * One error shape over real HTTP, also for what no controller answers: an unknown API route, a method a route
 * does not take, a malformed body. Pages get a page, never a stack trace or a Java class name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "recio.services.autostart=false", "recio.trading.venue=paper"})
@ActiveProfiles("test")
class ApiErrorsTest {

    @LocalServerPort
    int port;

    ConsoleClient console;

    @BeforeEach
    void signIn() {
        console = ConsoleClient.signedIn(port, "admin", "admin-test-password");
    }

    private JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("json");
        assertThat(response.body()).doesNotContain("java.", "Exception", "at io.recio");
        JsonNode body = ConsoleClient.JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).isNotBlank();
        return body;
    }

    @Test
    void anUnknownApiRouteIsA404Problem() {
        JsonNode body = problem(console.request("GET", "/api/no_such_thing", null, "application/json"), 404);
        assertThat(body.get("code").asText()).isEqualTo("not_found");
        assertThat(body.get("detail").asText()).contains("/api/no_such_thing");
    }

    @Test
    void anUnknownApiRouteAskedForByABrowserIsStillAProblem() {
        problem(console.request("GET", "/api/no_such_thing", null, "text/html"), 404);
    }

    @Test
    void aMethodTheRouteDoesNotTakeIsA405Problem() {
        JsonNode body = problem(console.request("DELETE", "/api/trades", null, "application/json"), 405);
        assertThat(body.get("code").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void aMalformedBodyIsA400NamingTheBody() {
        JsonNode body = problem(console.request("POST", "/api/trades", "{\"ticker\" 5}", "application/json"), 400);
        assertThat(body.get("field").asText()).isEqualTo("body");
    }

    @Test
    void aWrongTypeNamesTheFieldAndWhatIsAllowedInJsonWords() {
        JsonNode body = problem(console.request("POST", "/api/trades",
                "{\"ticker\": \"x\", \"side\": \"yes\", \"count\": true, \"worst_price\": \"0.5\"}", "application/json"),
                400);
        assertThat(body.get("field").asText()).isEqualTo("count");
        assertThat(body.get("detail").asText()).isEqualTo("count must be a whole number");
    }

    @Test
    void anUnknownPageIsAPageThatSaysSo() {
        HttpResponse<String> response = console.request("GET", "/no/such/page", null, "text/html");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<html").contains("nothing at /no/such/page").doesNotContain("Exception");
    }
}
