package io.recio.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.recio.accounts.ApiTokens;
import io.recio.accounts.TokenScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route recio registers (from Spring's handler mappings: controllers, actuator, the live channel and
 * static resources) called as each kind of caller, against the expected outcomes in ONE file,
 * {@value #MATRIX}. A route without a row fails with the row to add; a row without a route fails too.
 * Outcomes: {@code ok} (past security: whatever the handler then answers), {@code 401}, {@code 403},
 * {@code login} (sent to the sign-in page).
 */
@SpringBootTest(properties = "recio.services.autostart=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AccessMatrixTest {

    static final String MATRIX = "src/test/resources/access-matrix.csv";
    static final List<String> CALLERS = List.of("anonymous", "user", "admin", "token_read", "token_trade", "token_admin");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    /** Path variables that name nothing existing, so an allowed call changes nothing. */
    private static final Map<String, String> SAMPLES = Map.of("symbol", "BTC", "id", "999999", "name", "nosuch",
            "username", "nosuch", "orderId", "nosuch", "ticker", "KXBTCD-25JAN0112-T100000");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ApiTokens tokens;

    /** One route: a method ({@code *} when the mapping takes any) and a path pattern. */
    record Route(String method, String pattern) implements Comparable<Route> {
        @Override
        public int compareTo(Route o) {
            int c = pattern.compareTo(o.pattern);
            return c != 0 ? c : method.compareTo(o.method);
        }
    }

    @Test
    void everyRouteAnswersEachCallerAsTheMatrixSays() throws Exception {
        Map<Route, List<String>> expected = readMatrix();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (TokenScope scope : TokenScope.values()) {
            secrets.put("token_" + scope.wire(), tokens.create("admin", "matrix-" + scope.wire(), scope,
                    Duration.ofDays(1)).secret());
        }
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        TreeSet<Route> routes = routes();
        for (Route route : routes) {
            List<String> got = new ArrayList<>();
            for (String caller : CALLERS) {
                got.add(outcome(route, caller, secrets));
            }
            List<String> want = expected.get(route);
            String row = route.method() + "," + route.pattern() + "," + String.join(",", got);
            if (want == null) {
                missing.add(row);
            } else if (!want.equals(got)) {
                wrong.add(row + "   <- today's answers; the matrix says " + String.join(",", want));
            }
        }
        List<String> stale = expected.keySet().stream().filter(r -> !routes.contains(r))
                .map(r -> r.method() + "," + r.pattern()).toList();
        assertThat(missing).as("""
                Routes with no row in %s. Decide who may call each (AccessRules and Permission say who can; \
                add a line to AccessRules if the default is wrong), then add its row. With today's rules the rows \
                would be (method,path,%s):
                %s
                """, MATRIX, String.join(",", CALLERS), String.join("\n", missing)).isEmpty();
        assertThat(wrong).as("Routes answering differently from %s:\n%s", MATRIX, String.join("\n", wrong)).isEmpty();
        assertThat(stale).as("Rows in %s for routes that no longer exist: remove them:\n%s", MATRIX,
                String.join("\n", stale)).isEmpty();
    }

    /** Every route of every handler mapping. */
    private TreeSet<Route> routes() {
        TreeSet<Route> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                for (String pattern : info.getPatternValues()) {
                    var methods = info.getMethodsCondition().getMethods();
                    if (methods.isEmpty()) {
                        routes.add(new Route("*", pattern));
                    }
                    for (RequestMethod m : methods) {
                        routes.add(new Route(m.name(), pattern));
                    }
                }
            }
        }
        for (AbstractUrlHandlerMapping mapping : context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
            for (String pattern : mapping.getHandlerMap().keySet()) {
                routes.add(new Route("GET", pattern));
            }
        }
        return routes;
    }

    private String outcome(Route route, String caller, Map<String, String> secrets) throws Exception {
        HttpMethod method = HttpMethod.valueOf(route.method().equals("*") ? "GET" : route.method());
        MockHttpServletRequestBuilder call = request(method, concrete(route.pattern()));
        if (method != HttpMethod.GET) {
            call.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        switch (caller) {
            case "anonymous" -> call.with(csrf());
            case "user" -> call.with(user("trader").roles("USER")).with(csrf());
            case "admin" -> call.with(user("admin").roles("MASTER_ADMIN")).with(csrf());
            default -> call.header("Authorization", "Bearer " + secrets.get(caller));
        }
        MvcResult result = mvc.perform(call).andReturn();
        int status = result.getResponse().getStatus();
        String redirect = result.getResponse().getRedirectedUrl();
        if (status == 401 || status == 403) {
            return String.valueOf(status);
        }
        if (redirect != null && redirect.contains("/login")) {
            return "login";
        }
        return "ok";
    }

    static String concrete(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).replaceAll("[:*].*", "");
            m.appendReplacement(path, SAMPLES.getOrDefault(name, "x"));
        }
        m.appendTail(path);
        return path.toString().replace("/**", "/sample").replace("/*", "/x");
    }

    private static Map<Route, List<String>> readMatrix() throws IOException {
        Map<Route, List<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(MATRIX), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("method,")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            assertThat(cells).as("row '%s' of %s needs method, path and %d outcomes", line, MATRIX, CALLERS.size())
                    .hasSize(2 + CALLERS.size());
            rows.put(new Route(cells[0].strip(), cells[1].strip()),
                    List.of(cells).subList(2, cells.length).stream().map(String::strip).toList());
        }
        return rows;
    }
}
