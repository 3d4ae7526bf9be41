package com.autoretail.common.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON schemas of operation parameters, as the maps {@code /capabilities} lists: an agent's own, and
 * the discovered MCP ones tightened (in {@code refineMcpOperation}) where the agent checks more than the server
 * declares.
 */
public final class SchemaBuilder {

    private SchemaBuilder() {
    }

    /** An object schema with these properties (in order) and required ones. */
    public static Map<String, Object> object(Map<String, Map<String, Object>> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        return schema;
    }

    /**
     * A discovered schema with extra constraints merged into some of its properties. A constraint for a property
     * the server no longer lists is left out: the agent never accepts a parameter its tool does not know.
     */
    public static Map<String, Object> tighten(Map<String, Object> discovered, Map<String, Map<String, Object>> constraints) {
        Map<String, Object> schema = new LinkedHashMap<>(discovered);
        Map<String, Object> properties = new LinkedHashMap<>();
        if (discovered.get("properties") instanceof Map<?, ?> listed) {
            listed.forEach((name, property) -> properties.put(name.toString(), property));
        }
        constraints.forEach((name, extra) -> {
            if (properties.get(name) instanceof Map<?, ?> property) {
                Map<String, Object> merged = new LinkedHashMap<>();
                property.forEach((key, value) -> merged.put(key.toString(), value));
                merged.putAll(extra);
                properties.put(name, merged);
            }
        });
        schema.put("properties", properties);
        return schema;
    }

    public static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    public static Map<String, Object> pattern(String regex) {
        return Map.of("pattern", regex);
    }

    public static Map<String, Object> nonEmpty() {
        return Map.of("minLength", 1);
    }
}
