package com.autoretail.orchestrator.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks step parameters against an operation's JSON schema (2020-12 unless the schema says otherwise, formats
 * asserted, as the agents do), naming each failing field. Schemas are compiled once: a plan is validated on every
 * request, and compiling costs far more than validating.
 */
final class SchemaCheck {

    private static final Logger log = LoggerFactory.getLogger(SchemaCheck.class);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .locale(Locale.ENGLISH)
                    .build()));

    // Capabilities are refreshed, not grown: a bound only guards against a misbehaving agent.
    private static final int MAX_CACHED = 512;

    private static final String REQUIRED = "required";

    /** A failing field ({@code part_numbers}, {@code items[0].sku}) and what is wrong with it. */
    record Problem(String field, String message) {
    }

    private final Map<Map<String, Object>, Schema> compiled = new ConcurrentHashMap<>();

    List<Problem> check(Map<String, Object> schema, Map<String, Object> parameters) {
        Schema compiledSchema = compile(schema);
        if (compiledSchema == null) {
            return List.of();
        }
        JsonNode node = MAPPER.valueToTree(parameters);
        Set<Problem> problems = new LinkedHashSet<>();
        for (Error error : compiledSchema.validate(node)) {
            problems.add(toProblem(error));
        }
        return new ArrayList<>(problems);
    }

    private Schema compile(Map<String, Object> schema) {
        Schema known = compiled.get(schema);
        if (known != null) {
            return known;
        }
        try {
            Schema fresh = REGISTRY.getSchema(MAPPER.<JsonNode>valueToTree(schema));
            fresh.initializeValidators();
            if (compiled.size() >= MAX_CACHED) {
                compiled.clear();
            }
            compiled.put(schema, fresh);
            return fresh;
        } catch (RuntimeException e) {
            // The agent's schema is its own business; an unreadable one must not make every plan invalid.
            log.warn("Parameter schema cannot be compiled, parameters go unchecked: {}", e.getMessage());
            return null;
        }
    }

    private static Problem toProblem(Error error) {
        String field = fieldPath(error.getInstanceLocation());
        String keyword = error.getKeyword();
        if (error.getProperty() != null && (REQUIRED.equals(keyword) || "additionalProperties".equals(keyword))) {
            field = field.isEmpty() ? error.getProperty() : field + "." + error.getProperty();
        }
        if (REQUIRED.equals(keyword)) {
            return new Problem(field, "is missing but it is required");
        }
        String text = error.getMessage();
        int colon = text.indexOf(": ");
        if (colon > 0 && (text.startsWith("$") || text.startsWith("/"))) {
            text = text.substring(colon + 2);
        }
        return new Problem(field, text);
    }

    /** {@code items[0].sku} for the instance location /items/0/sku. */
    private static String fieldPath(NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(element);
            }
        }
        return path.toString();
    }
}
