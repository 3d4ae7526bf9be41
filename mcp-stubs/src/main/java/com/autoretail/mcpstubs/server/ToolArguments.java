package com.autoretail.mcpstubs.server;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.JsonSchema;

/**
 * Checks a call's arguments against the tool's input schema before the tool runs, so a missing or
 * mistyped argument is refused as {@code VALIDATION_ERROR} naming each field instead of surfacing
 * as a JSON conversion message. Lenient where a planner is sloppy but the meaning is clear: a
 * number for a string, a numeric string for a number, one value for a list.
 */
final class ToolArguments {

    private ToolArguments() {
    }

    static SyncToolSpecification guard(SyncToolSpecification tool) {
        return SyncToolSpecification.builder().tool(tool.tool()).callHandler((exchange, request) -> {
            try {
                Map<String, Object> arguments = check(tool.tool().name(), tool.tool().inputSchema(),
                        request.arguments());
                return tool.callHandler()
                    .apply(exchange, new CallToolRequest(request.name(), arguments, request.meta()));
            }
            catch (StubException refusal) {
                return ToolResults.refused(refusal);
            }
        }).build();
    }

    static Map<String, Object> check(String toolName, JsonSchema schema, Map<String, Object> given) {
        Map<String, Object> arguments = new LinkedHashMap<>(given != null ? given : Map.of());
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> required = schema.required() != null ? schema.required() : List.of();
        for (String name : required) {
            if (arguments.get(name) == null) {
                problems.put(name, name + " is required");
            }
        }
        Map<String, Object> properties = schema.properties() != null ? schema.properties() : Map.of();
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            String name = argument.getKey();
            Object value = argument.getValue();
            if (value != null && properties.get(name) instanceof Map<?, ?> property) {
                String problem = problem(name, value, property);
                if (problem != null) {
                    problems.put(name, problem);
                }
                else if ("array".equals(property.get("type")) && !(value instanceof List<?>)) {
                    argument.setValue(List.of(value));
                }
            }
        }
        if (!problems.isEmpty()) {
            String first = problems.keySet().iterator().next();
            throw new StubException(ToolErrorCode.VALIDATION_ERROR,
                    "Invalid arguments for " + toolName + ": " + String.join("; ", problems.values()),
                    Map.of("field", first, "fields", problems));
        }
        return arguments;
    }

    private static String problem(String name, Object value, Map<?, ?> property) {
        Object type = property.get("type");
        boolean fits = switch (type instanceof String text ? text : "any") {
            case "string" -> !(value instanceof Map<?, ?> || value instanceof List<?>);
            case "number" -> value instanceof Number || value instanceof String text && isNumber(text);
            case "integer" -> isInteger(value);
            case "boolean" -> value instanceof Boolean || "true".equals(value) || "false".equals(value);
            case "array" -> !(value instanceof Map<?, ?>);
            case "object" -> value instanceof Map<?, ?>;
            default -> true;
        };
        return fits ? null : name + " must be of type " + type;
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.trim());
            return true;
        }
        catch (NumberFormatException ex) {
            return false;
        }
    }

    private static boolean isInteger(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return true;
        }
        String text = value instanceof Number || value instanceof String ? value.toString().trim() : null;
        if (text == null || !isNumber(text)) {
            return false;
        }
        BigDecimal number = new BigDecimal(text);
        return number.stripTrailingZeros().scale() <= 0
                && number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

}
