package io.recio.simulator.exchange;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * Checks JSON against a schema of Kalshi's saved OpenAPI / AsyncAPI documents: every required
 * property present, each present property of the declared JSON type (recursively), enum and const
 * values respected. {@code $ref}s resolve within the same document.
 */
final class SchemaChecker {

    private final Map<String, Object> document;

    @SuppressWarnings("unchecked")
    SchemaChecker(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            this.document = (Map<String, Object>) new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    static Path reference(String relative) {
        String shared = System.getenv().getOrDefault("RECIO_SHARED_DIR", "../shared");
        return Path.of(shared, "reference", relative);
    }

    /** The JSON schema of the {@code status} answer of {@code method path} in an OpenAPI document. */
    @SuppressWarnings("unchecked")
    Map<String, Object> response(String path, String method, String status) {
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(method);
        Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
        Map<String, Object> response = resolve((Map<String, Object>) responses.get(status));
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        return (Map<String, Object>) ((Map<String, Object>) content.get("application/json")).get("schema");
    }

    /** A named schema under components/schemas. */
    @SuppressWarnings("unchecked")
    Map<String, Object> schema(String name) {
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        return (Map<String, Object>) ((Map<String, Object>) components.get("schemas")).get(name);
    }

    List<String> check(JsonNode json, Map<String, Object> schema) {
        List<String> errors = new ArrayList<>();
        check(json, schema, "$", errors);
        return errors;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> current = schema;
        while (current != null && current.containsKey("$ref")) {
            String ref = (String) current.get("$ref");
            Object node = document;
            for (String part : ref.substring(2).split("/")) {
                node = ((Map<String, Object>) node).get(part);
            }
            current = (Map<String, Object>) node;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private void check(JsonNode json, Map<String, Object> rawSchema, String where, List<String> errors) {
        Map<String, Object> schema = resolve(rawSchema);
        if (schema == null) {
            return;
        }
        if (json.isNull()) {
            boolean nullable = Boolean.TRUE.equals(schema.get("nullable")) || Boolean.TRUE.equals(rawSchema.get("nullable"))
                    || (schema.get("type") instanceof List<?> types && types.contains("null"));
            if (!nullable && schema.containsKey("type")) {
                errors.add(where + " is null but not nullable");
            }
            return;
        }
        if (schema.containsKey("allOf")) {
            for (Object part : (List<Object>) schema.get("allOf")) {
                check(json, (Map<String, Object>) part, where, errors);
            }
        }
        for (String alternatives : List.of("oneOf", "anyOf")) {
            if (schema.containsKey(alternatives)) {
                boolean any = false;
                for (Object part : (List<Object>) schema.get(alternatives)) {
                    List<String> trial = new ArrayList<>();
                    check(json, (Map<String, Object>) part, where, trial);
                    any |= trial.isEmpty();
                }
                if (!any) {
                    errors.add(where + " matches none of its " + alternatives);
                }
            }
        }
        Object type = schema.get("type");
        if (type instanceof String t && !typeMatches(json, t)) {
            errors.add(where + " should be " + t + " but is " + json.getNodeType() + " (" + json + ")");
            return;
        }
        if (schema.containsKey("enum") && json.isValueNode()) {
            List<Object> allowed = (List<Object>) schema.get("enum");
            if (allowed.stream().noneMatch(v -> String.valueOf(v).equals(json.asString()))) {
                errors.add(where + " = " + json + " is not one of " + allowed);
            }
        }
        if (schema.containsKey("const") && !String.valueOf(schema.get("const")).equals(json.asString())) {
            errors.add(where + " = " + json + " should be " + schema.get("const"));
        }
        if (json.isObject()) {
            for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!json.has((String) required)) {
                    errors.add(where + " lacks required " + required);
                }
            }
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            properties.forEach((name, property) -> {
                if (json.has(name)) {
                    check(json.get(name), (Map<String, Object>) property, where + "." + name, errors);
                }
            });
        }
        if (json.isArray() && schema.get("items") instanceof Map<?, ?> items) {
            int i = 0;
            for (JsonNode element : json) {
                check(element, (Map<String, Object>) items, where + "[" + i++ + "]", errors);
            }
        }
    }

    private static boolean typeMatches(JsonNode json, String type) {
        return switch (type) {
            case "string" -> json.isString();
            case "integer" -> json.isIntegralNumber();
            case "number" -> json.isNumber();
            case "boolean" -> json.isBoolean();
            case "array" -> json.isArray();
            case "object" -> json.isObject();
            default -> true;
        };
    }
}
