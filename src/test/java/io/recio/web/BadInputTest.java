package io.recio.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.recio.simulator.faults.FaultSwitches;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route that changes something (POST, PUT, PATCH, DELETE under {@code /api/}, found in Spring's handler
 * mappings so a new route is covered without editing this test) gets malformed, oversized, overflowing,
 * wrong-typed and hostile input as a master admin with a valid CSRF token: each answer is a 4xx problem (a 400
 * names its field), never a 500, never a Java class name, and no rejected request changes the database or the
 * simulator's switches.
 */
@SpringBootTest(properties = {"recio.services.autostart=false", "recio.simulator.enabled=true"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BadInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.springframework|io\\.recio)\\.[a-z]"
                    + "|[A-Z][A-Za-z]+(Exception|Error)\\b|\\bat [a-z]+\\.[a-z]");
    private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);
    private static final String HUGE_STRING = "x".repeat(1_100_000);

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FaultSwitches faults;

    /** One changing route: method, path template and the type of its JSON body, if it takes one. */
    record Route(HttpMethod method, String path, Class<?> body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One hostile request: what it is, the path's variable values, the body, and the field it targets. */
    record Attack(String name, String pathValue, String body, String field) {
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Class<?> body = null;
            for (Parameter p : e.getValue().getMethod().getParameters()) {
                if (p.isAnnotationPresent(RequestBody.class)) {
                    body = p.getType();
                }
            }
            for (RequestMethod m : e.getKey().getMethodsCondition().getMethods()) {
                if (!CHANGING.contains(m)) {
                    continue;
                }
                for (String path : e.getKey().getPatternValues()) {
                    if (path.startsWith("/api/")) {
                        routes.add(new Route(HttpMethod.valueOf(m.name()), path, body));
                    }
                }
            }
        }
        return routes;
    }

    @Test
    void theRoutesUnderTestIncludeEveryKnownInputRoute() {
        assertThat(routes()).extracting(Route::toString).contains("POST /api/trades", "POST /api/trades/{id}/close",
                "POST /api/kill_switch", "PUT /api/trade_settings", "PUT /api/admin/kalshi/credentials",
                "PUT /api/admin/simulator/faults", "POST /api/me/password");
    }

    @Test
    void everyInputRouteRefusesBadInputWithAProblemAndChangesNothing() throws Exception {
        Map<String, String> before = snapshot();
        FaultSwitches.State switches = faults.state();
        SoftAssertions softly = new SoftAssertions();
        int sent = 0;
        for (Route route : routes()) {
            for (Attack attack : attacks(route)) {
                MockHttpServletResponse r = send(route, attack);
                sent++;
                String what = route + " " + attack.name() + " -> " + r.getStatus() + " " + abbreviate(r.getContentAsString());
                if (r.getStatus() == 200 && r.getContentAsString().contains("\"ok\":false")) {
                    continue; // the admin console answers a line it does not know like a terminal: ok false, nothing done
                }
                softly.assertThat(r.getStatus()).as(what).isBetween(400, 499);
                softly.assertThat(r.getContentType()).as(what).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                Matcher java = JAVA_NAME.matcher(r.getContentAsString());
                softly.assertThat(java.find()).as(what + " names Java: " + (java.hitEnd() ? "" : java.group())).isFalse();
                if (r.getContentAsString().startsWith("{")) {
                    JsonNode problem = JSON.readTree(r.getContentAsString());
                    softly.assertThat(problem.path("detail").asString()).as(what).isNotBlank();
                    if (r.getStatus() == 400) {
                        softly.assertThat(problem.path("field").asString()).as(what + ": the field").isNotBlank();
                        if (attack.field() != null) {
                            softly.assertThat(problem.path("field").asString()).as(what + ": names the field")
                                    .startsWith(attack.field());
                        }
                    }
                }
            }
        }
        softly.assertThat(snapshot()).as("the database after %d rejected requests", sent).isEqualTo(before);
        softly.assertThat(faults.state()).as("the simulator's switches").isEqualTo(switches);
        softly.assertAll();
        assertThat(sent).isGreaterThan(100);
    }

    private JsonNode refused(HttpMethod method, String path, String body, int status) throws Exception {
        MockHttpServletResponse r = send(new Route(method, path, Object.class), new Attack("", "", body, null));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        return JSON.readTree(r.getContentAsString());
    }

    @Test
    void aFractionalContractCountIsRefusedNotRoundedDown() throws Exception {
        JsonNode problem = refused(HttpMethod.POST, "/api/trades", "{\"ticker\":\"KXBTCD-26SEP2517-T90999.99\","
                + "\"side\":\"yes\",\"count\":1.5,\"worst_price\":\"0.5000\"}", 400);
        assertThat(problem.path("field").asString()).isEqualTo("count");
        assertThat(problem.path("detail").asString()).contains("whole number");
    }

    @Test
    void aMistypedFieldIsRefusedNotIgnored() throws Exception {
        JsonNode problem = refused(HttpMethod.POST, "/api/trades", "{\"ticker\":\"KXBTCD-26SEP2517-T90999.99\","
                + "\"side\":\"yes\",\"count\":1,\"worst_price\":\"0.5000\",\"timeinforce\":\"FOK\"}", 400);
        assertThat(problem.path("field").asString()).isEqualTo("timeinforce");
        assertThat(problem.path("detail").asString()).contains("time_in_force");
    }

    @Test
    void aMissingTradeIsNotFound() throws Exception {
        refused(HttpMethod.POST, "/api/trades/987654321/close", "{\"worst_price\":\"0.0100\"}", 404);
        refused(HttpMethod.GET, "/api/trades/987654321", null, 404);
    }

    @Test
    void theCsrfTokenCountsInTheHeaderButNotInTheQueryString() throws Exception {
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        String token = mvc.perform(request(HttpMethod.GET, "/login").session(session)).andReturn().getResponse()
                .getContentAsString().replaceAll("(?s).*name=\"_csrf\"\\s+value=\"([^\"]+)\".*", "$1");
        MockHttpServletResponse inQuery = mvc.perform(request(HttpMethod.PUT, "/api/trade_settings?_csrf=" + token)
                        .session(session).with(user("admin").roles("MASTER_ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse();
        assertThat(inQuery.getStatus()).isEqualTo(403);
        MockHttpServletResponse inHeader = mvc.perform(request(HttpMethod.PUT, "/api/trade_settings")
                        .session(session).with(user("admin").roles("MASTER_ADMIN")).header("X-CSRF-TOKEN", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse();
        assertThat(inHeader.getStatus()).as(inHeader.getContentAsString()).isEqualTo(200);
    }

    private MockHttpServletResponse send(Route route, Attack attack) throws Exception {
        String path = route.path().replaceAll("\\{[^}]+}", attack.pathValue());
        MockHttpServletRequestBuilder b = request(route.method(), java.net.URI.create(
                        "http://localhost" + path.replace(" ", "%20")))
                .with(user("admin").roles("MASTER_ADMIN")).with(csrf()).accept(MediaType.APPLICATION_JSON);
        if (attack.body() != null) {
            b.contentType(attack.name().equals("text/plain body") ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON)
                    .content(attack.body());
        }
        return mvc.perform(b).andReturn().getResponse();
    }

    /** The hostile requests for one route: whole-body attacks, then per-field ones from the body's record type. */
    private List<Attack> attacks(Route route) {
        List<Attack> attacks = new ArrayList<>();
        boolean hasVariable = route.path().contains("{");
        String id = "987654321";
        if (hasVariable) {
            for (String hostile : List.of("99999999999999999999999", "-1", "1.5", "%27%3B%20DROP%20TABLE%20x%3B--",
                    "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E")) {
                attacks.add(new Attack("path " + hostile, hostile, route.body() == null ? null : "{}", null));
            }
        }
        if (route.body() == null) {
            return attacks;
        }
        for (String[] whole : new String[][] {
                {"not JSON", "{\"a\":"}, {"an array", "[]"}, {"a string", "\"x\""}, {"null", "null"},
                {"trailing garbage", "{} {}"}, {"deep nesting", "[".repeat(5000) + "]".repeat(5000)},
                {"oversized", "{\"x\":\"" + HUGE_STRING + "\"}"}, {"unknown field", "{\"no_such_field\":1}"},
                {"text/plain body", "{}"}}) {
            attacks.add(new Attack(whole[0], id, whole[1], whole[0].equals("unknown field") ? "no_such_field" : null));
        }
        if (route.body().isRecord()) {
            for (RecordComponent c : route.body().getRecordComponents()) {
                String field = snake(c.getName());
                for (Map.Entry<String, String> bad : badValues(c.getType()).entrySet()) {
                    attacks.add(new Attack(field + " " + bad.getKey(), id, "{\"" + field + "\":" + bad.getValue() + "}",
                            bad.getKey().startsWith("!") ? null : field));
                }
            }
        }
        return attacks;
    }

    /**
     * Wrong values for a field of this type; a name starting with '!' is a value of the right type that is still
     * wrong (the problem may then name another field the route checks first).
     */
    private static Map<String, String> badValues(Class<?> type) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("as an object", "{\"nested\":{\"x\":1}}");
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            values.put("fractional", "1.5");
            values.put("overflowing", "99999999999999999999999999");
            values.put("as a string", "\"12\"");
            values.put("!negative", "-1");
            values.put("!huge", String.valueOf(Long.MAX_VALUE));
        } else if (type == Double.class || type == double.class) {
            values.put("overflowing", "1e400");
            values.put("as a string", "\"0.5\"");
            values.put("!negative", "-1");
        } else if (type == Boolean.class || type == boolean.class) {
            values.put("as a string", "\"yes\"");
            values.put("as a number", "1");
        } else if (type == String.class) {
            values.put("as a number", "12");
            values.put("!long", "\"" + "9".repeat(100_000) + "\"");
            values.put("!control characters", "\"\\u0000\\u0007\\n\"");
            values.put("!script", "\"<script>alert(1)</script>\"");
            values.put("!sql", "\"'; DROP TABLE trading.trade; --\"");
        } else if (type.isEnum()) {
            values.put("unknown constant", "\"NO_SUCH_VALUE\"");
            values.put("as a number", "7");
        } else if (List.class.isAssignableFrom(type)) {
            values.put("as a string", "\"x\"");
            values.put("with an unknown element", "[\"NO_SUCH_VALUE\"]");
        }
        return values;
    }

    /** Every row of every recio table, as text. */
    private Map<String, String> snapshot() {
        Map<String, String> tables = new TreeMap<>();
        for (Map<String, Object> t : jdbc.sql("SELECT table_schema, table_name FROM information_schema.tables WHERE "
                + "table_schema IN ('users', 'trading', 'system', 'live_data', 'analytics', 'historical_data') "
                + "AND table_type IN ('BASE TABLE', 'TABLE')").query().listOfRows()) {
            String name = t.get("table_schema") + "." + t.get("table_name");
            if (name.contains("audit")) {
                continue; // the audit log records refused attempts on purpose
            }
            List<String> rows = jdbc.sql("SELECT * FROM " + name).query().listOfRows().stream()
                    .map(Object::toString).sorted().toList();
            tables.put(name, String.join("\n", rows));
        }
        return tables;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
