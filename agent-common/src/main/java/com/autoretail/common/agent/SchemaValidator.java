package com.autoretail.common.agent;

import com.autoretail.common.wire.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles operation parameter schemas and checks parameters against them, naming every failing field, for the
 * agents and for the orchestrator's plan validation alike. SchemaBuilder follow JSON Schema 2020-12 unless they declare
 * another {@code $schema}; {@code format} is asserted. Compiling costs far more than validating: callers keep the
 * compiled schema.
 */
public final class SchemaValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .locale(Locale.ENGLISH)
                    .build()));

    private SchemaValidator() {
    }

    /** @throws RuntimeException when the schema itself is not valid JSON Schema */
    public static Schema compile(Map<String, Object> schema) {
        Schema compiled = REGISTRY.getSchema(MAPPER.<JsonNode>valueToTree(schema));
        compiled.initializeValidators();
        return compiled;
    }

    /** Every failing field, sorted by field; empty when the parameters are valid. */
    public static List<FieldError> validate(Schema schema, Map<String, Object> parameters) {
        JsonNode node = MAPPER.valueToTree(parameters);
        return schema.validate(node).stream()
                .map(SchemaValidator::toFieldError)
                .distinct()
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }

    private static FieldError toFieldError(Error error) {
        String field = fieldPath(error.getInstanceLocation());
        if (error.getProperty() != null
                && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
            field = field.isEmpty() ? error.getProperty() : field + "." + error.getProperty();
        }
        if ("required".equals(error.getKeyword())) {
            return new FieldError(field, "is missing but it is required");
        }
        String text = error.getMessage();
        int colon = text.indexOf(": ");
        if (colon > 0 && (text.startsWith("$") || text.startsWith("/"))) {
            text = text.substring(colon + 2);
        }
        return new FieldError(field, text);
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
