package com.autoretail.orchestrator.validation;

import com.autoretail.common.agent.SchemaValidator;
import com.networknt.schema.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks step parameters against an operation's JSON schema (2020-12 unless the schema says otherwise, formats
 * asserted, as the agents do), naming each failing field. SchemaBuilder are compiled once: a plan is validated on every
 * request, and compiling costs far more than validating.
 */
final class ParameterSchemaCache {

    private static final Logger log = LoggerFactory.getLogger(ParameterSchemaCache.class);

    // Capabilities are refreshed, not grown: a bound only guards against a misbehaving agent.
    private static final int MAX_CACHED = 512;

    /** A failing field ({@code part_numbers}, {@code items[0].sku}) and what is wrong with it. */
    record Problem(String field, String message) {
    }

    private final Map<Map<String, Object>, Schema> compiled = new ConcurrentHashMap<>();

    List<Problem> check(Map<String, Object> schema, Map<String, Object> parameters) {
        Schema compiledSchema = compile(schema);
        if (compiledSchema == null) {
            return List.of();
        }
        return SchemaValidator.validate(compiledSchema, parameters).stream()
                .map(error -> new Problem(error.field(), error.message()))
                .toList();
    }

    private Schema compile(Map<String, Object> schema) {
        Schema known = compiled.get(schema);
        if (known != null) {
            return known;
        }
        try {
            Schema fresh = SchemaValidator.compile(schema);
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
}
