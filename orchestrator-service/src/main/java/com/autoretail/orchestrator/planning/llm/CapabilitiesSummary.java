package com.autoretail.orchestrator.planning.llm;

import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.orchestrator.planning.rules.Transitions;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The healthy services' operations as the planning prompt quotes them: a JSON block, one line per operation, far
 * shorter than the raw schemas, {@code {"operation":"reserve_parts","signature":"reserve_parts(part_numbers:
 * array<string>, repair_order_id: string, quantity_map?: object)","changes_state":true,"description":"..."}}, and the
 * transition matrix of a status parameter as the agent publishes it. A service that is down is not in the catalog,
 * so the LLM never sees its operations.
 * <p>
 * Names, schemas and descriptions come from the agents, which take them from their MCP servers' {@code tools/list}:
 * a dealer's system, not this fleet, wrote them. So they go into the prompt as JSON strings, which no description
 * can break out of, without control characters or backticks (the block's fence stays closed), and cut to a bounded
 * length; the prompt says that the block is data.
 */
final class CapabilitiesSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int MAX_DESCRIPTION = 160;
    private static final int MAX_NAME = 64;
    private static final int MAX_STATUSES = 30;

    private CapabilitiesSummary() {
    }

    static String of(ServiceCatalog catalog) {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(catalog.services()).forEach((key, capabilities) -> service(lines, key, capabilities));
        return "{\"services\": [\n" + String.join(",\n", lines) + "\n]}";
    }

    private static void service(List<String> lines, String key, Capabilities capabilities) {
        StringBuilder text = new StringBuilder("  {\"service_name\": ").append(write(name(key)));
        if (capabilities.description() != null && !capabilities.description().isBlank()) {
            text.append(", \"description\": ").append(write(shortened(capabilities.description())));
        }
        text.append(", \"operations\": [");
        List<OperationSpec> operations = capabilities.operations() == null ? List.of() : capabilities.operations();
        List<String> entries = new ArrayList<>(operations.size());
        for (OperationSpec operation : operations) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("operation", name(operation.name()));
            StringBuilder signature = new StringBuilder(name(operation.name())).append('(');
            parameters(signature, operation.parameters());
            entry.put("signature", signature.append(')').toString());
            entry.put("changes_state", operation.sideEffects());
            Map<String, Object> transitions = transitions(operation.parameters());
            if (!transitions.isEmpty()) {
                entry.put("transitions", transitions);
            }
            if (operation.description() != null && !operation.description().isBlank()) {
                entry.put("description", shortened(operation.description()));
            }
            entries.add("\n    " + write(entry));
        }
        lines.add(text.append(String.join(",", entries)).append("]}").toString());
    }

    private static void parameters(StringBuilder text, Map<String, Object> schema) {
        if (!(schema.get("properties") instanceof Map<?, ?> properties)) {
            return;
        }
        List<?> required = schema.get("required") instanceof List<?> list ? list : List.of();
        boolean first = true;
        for (Map.Entry<?, ?> property : properties.entrySet()) {
            text.append(first ? "" : ", ").append(name(String.valueOf(property.getKey())))
                    .append(required.contains(property.getKey()) ? "" : "?").append(": ")
                    .append(type(property.getValue()));
            first = false;
        }
    }

    /**
     * The transition matrix a status parameter publishes ({@value Transitions#KEYWORD}): per parameter, each status
     * with the statuses it may move to, the forward move first. Names as data, bounded like the rest.
     */
    private static Map<String, Object> transitions(Map<String, Object> schema) {
        Map<String, Object> found = new LinkedHashMap<>();
        if (!(schema.get("properties") instanceof Map<?, ?> properties)) {
            return found;
        }
        for (Map.Entry<?, ?> property : properties.entrySet()) {
            if (property.getValue() instanceof Map<?, ?> parameter
                    && parameter.get(Transitions.KEYWORD) instanceof Map<?, ?> matrix) {
                Map<String, List<String>> moves = new LinkedHashMap<>();
                matrix.entrySet().stream().limit(MAX_STATUSES).forEach(row -> moves.put(
                        name(String.valueOf(row.getKey())), row.getValue() instanceof List<?> to
                                ? to.stream().limit(MAX_STATUSES).map(status -> name(String.valueOf(status))).toList()
                                : List.of()));
                found.put(name(String.valueOf(property.getKey())), moves);
            }
        }
        return found;
    }

    private static String type(Object schema) {
        if (!(schema instanceof Map<?, ?> property)) {
            return "any";
        }
        if (property.get("enum") instanceof List<?> values) {
            return "one of " + String.join("|", values.stream().map(value -> name(String.valueOf(value))).toList());
        }
        Object type = property.get("type");
        String name = name(type instanceof List<?> types
                ? String.join("|", types.stream().map(String::valueOf).toList())
                : type == null ? "any" : type.toString());
        if ("array".equals(name) && property.get("items") != null) {
            return "array<" + type(property.get("items")) + ">";
        }
        return name;
    }

    /** The first sentence, as data: no control characters, no backticks, cut to a line's length. */
    private static String shortened(String description) {
        String text = clean(description);
        int sentence = text.indexOf(". ");
        if (sentence > 0) {
            text = text.substring(0, sentence);
        }
        return cut(text, MAX_DESCRIPTION);
    }

    /** A name from a server (an operation, a parameter, an enum value), as data. */
    private static String name(String name) {
        return cut(clean(name), MAX_NAME);
    }

    private static String clean(String text) {
        String printable = text.codePoints().map(c -> Character.isISOControl(c) || c == '`' ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.strip().replaceAll("\\s{2,}", " ");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Capabilities cannot be written as JSON", e);
        }
    }
}
