package io.recio.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description at {@code /v3/api-docs}: every main route answers a named, typed schema whose fields are
 * spelled as the API sends them, and only a signed-in caller reads it or opens its page.
 */
@SpringBootTest(properties = "recio.services.autostart=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OpenApiTest {

    /** A route of each module, with its method. */
    private static final Map<String, String> MAIN_ROUTES = Map.ofEntries(
            Map.entry("/api/prices/{symbol}", "get"), Map.entry("/api/prices/{symbol}/history", "get"),
            Map.entry("/api/strike_tables/{symbol}", "get"), Map.entry("/api/watchlist/{symbol}", "get"),
            Map.entry("/api/model/probability", "get"), Map.entry("/api/markets/{symbol}/current", "get"),
            Map.entry("/api/account", "get"), Map.entry("/api/account/fills", "get"),
            Map.entry("/api/trades", "get"), Map.entry("/api/trades/{id}", "get"),
            Map.entry("/api/kill_switch", "post"), Map.entry("/api/trading/status", "get"),
            Map.entry("/api/services", "get"), Map.entry("/api/system/health", "get"), Map.entry("/api/me", "get"),
            Map.entry("/health", "get"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode spec() throws Exception {
        return JSON.readTree(mvc.perform(get("/v3/api-docs").with(user("u"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void everyMainRouteAnswersANamedObjectSchemaWithProperties() throws Exception {
        JsonNode spec = spec();
        JsonNode schemas = spec.path("components").path("schemas");
        List<String> untyped = new ArrayList<>();
        MAIN_ROUTES.forEach((path, method) -> {
            JsonNode operation = spec.path("paths").path(path).path(method);
            JsonNode response = operation.path("responses").properties().iterator().next().getValue();
            JsonNode schema = response.path("content").properties().iterator().next().getValue().path("schema");
            if (schema.path("type").asString("").equals("array")) {
                schema = schema.path("items");
            }
            String ref = schema.path("$ref").asString("");
            JsonNode named = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
            if (ref.isEmpty() || !named.path("type").asString("").equals("object") || named.path("properties").isEmpty()) {
                untyped.add(method.toUpperCase() + " " + path + " → " + schema);
            }
        });
        assertThat(untyped).as("routes without a typed answer").isEmpty();
    }

    @Test
    void noSchemaHoldsAnUntypedObject() throws Exception {
        List<String> bare = new ArrayList<>();
        spec().path("components").path("schemas").properties().forEach(e -> e.getValue().path("properties").properties()
                .forEach(p -> {
                    JsonNode s = p.getValue().path("type").asString("").equals("array") ? p.getValue().path("items")
                            : p.getValue();
                    boolean typed = s.has("$ref") || s.has("properties") || s.has("additionalProperties")
                            || (s.has("type") && !s.path("type").asString("").equals("object"));
                    if (!typed) {
                        bare.add(e.getKey() + "." + p.getKey());
                    }
                }));
        assertThat(bare).as("fields the description cannot say anything about").isEmpty();
    }

    @Test
    void theDescriptionSpellsFieldsAsTheApiSendsThem() throws Exception {
        JsonNode schemas = spec().path("components").path("schemas");
        Set<String> notSnake = new TreeSet<>();
        schemas.properties().forEach(e -> e.getValue().path("properties").propertyNames().forEach(name -> {
            if (!name.matches("[a-z0-9_]+")) {
                notSnake.add(e.getKey() + "." + name);
            }
        }));
        assertThat(notSnake).as("field names that are not snake_case").isEmpty();
        JsonNode status = JSON.readTree(mvc.perform(get("/api/trading/status").with(user("u")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(schemas.path("TradingStatus").path("properties").propertyNames())
                .containsAll(status.propertyNames());
    }

    /** springdoc names a schema by the record's simple name: two records of one name would become one schema. */
    @Test
    void noTwoRecordsOfTheApiShareASchemaName() {
        Map<String, Set<String>> byName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        for (HandlerMethod method : mappings.getHandlerMethods().values()) {
            if (!method.getBeanType().getPackageName().startsWith("io.recio")) {
                continue;
            }
            records(method.getReturnType().getGenericParameterType(), seen, byName);
            for (var parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    records(parameter.getGenericParameterType(), seen, byName);
                }
            }
        }
        byName.values().removeIf(classes -> classes.size() < 2);
        assertThat(byName).as("schema names taken by more than one record").isEmpty();
    }

    private static void records(Type type, Set<Class<?>> seen, Map<String, Set<String>> byName) {
        if (type instanceof ParameterizedType p) {
            records(p.getRawType(), seen, byName);
            for (Type argument : p.getActualTypeArguments()) {
                records(argument, seen, byName);
            }
        } else if (type instanceof Class<?> c && c.isArray()) {
            records(c.getComponentType(), seen, byName);
        } else if (type instanceof Class<?> c && c.isRecord() && c.getPackageName().startsWith("io.recio")
                && seen.add(c)) {
            byName.computeIfAbsent(c.getSimpleName(), k -> new TreeSet<>()).add(c.getName());
            for (RecordComponent component : c.getRecordComponents()) {
                records(component.getGenericType(), seen, byName);
            }
        }
    }

    @Test
    void anonymousCallersNeitherReadTheDescriptionNorOpenItsPage() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthorized"));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
    }

    @Test
    void aSignedInUserOpensThePage() throws Exception {
        mvc.perform(get("/swagger-ui/index.html").with(user("u"))).andExpect(status().isOk());
    }
}
