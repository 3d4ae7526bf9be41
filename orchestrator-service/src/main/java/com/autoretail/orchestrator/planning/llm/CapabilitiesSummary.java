package com.autoretail.orchestrator.planning.llm;

import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.orchestrator.registry.ServiceCatalog;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The healthy services' operations as the planning prompt lists them, one line each, far shorter than the raw
 * schemas: {@code reserve_parts(part_numbers: array<string>, repair_order_id: string, quantity_map?: object)}.
 * A service that is down is not in the catalog, so the LLM never sees its operations.
 */
final class CapabilitiesSummary {

    private static final int MAX_DESCRIPTION = 110;

    private CapabilitiesSummary() {
    }

    static String of(ServiceCatalog catalog) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(catalog.services()).forEach((key, capabilities) -> service(text, key, capabilities));
        return text.toString().stripTrailing();
    }

    private static void service(StringBuilder text, String key, Capabilities capabilities) {
        text.append("- service_name \"").append(key).append('"');
        if (capabilities.description() != null && !capabilities.description().isBlank()) {
            text.append(": ").append(shortened(capabilities.description()));
        }
        text.append('\n');
        List<OperationSpec> operations = capabilities.operations() == null ? List.of() : capabilities.operations();
        for (OperationSpec operation : operations) {
            text.append("  - ").append(operation.name()).append('(');
            parameters(text, operation.parameters());
            text.append(')');
            if (operation.sideEffects()) {
                text.append(" [changes state]");
            }
            if (operation.description() != null && !operation.description().isBlank()) {
                text.append(" — ").append(shortened(operation.description()));
            }
            text.append('\n');
        }
    }

    private static void parameters(StringBuilder text, Map<String, Object> schema) {
        if (!(schema.get("properties") instanceof Map<?, ?> properties)) {
            return;
        }
        List<?> required = schema.get("required") instanceof List<?> list ? list : List.of();
        boolean first = true;
        for (Map.Entry<?, ?> property : properties.entrySet()) {
            text.append(first ? "" : ", ").append(property.getKey()).append(required.contains(property.getKey()) ? "" : "?")
                    .append(": ").append(type(property.getValue()));
            first = false;
        }
    }

    private static String type(Object schema) {
        if (!(schema instanceof Map<?, ?> property)) {
            return "any";
        }
        if (property.get("enum") instanceof List<?> values) {
            return "one of " + String.join("|", values.stream().map(String::valueOf).toList());
        }
        Object type = property.get("type");
        String name = type instanceof List<?> types ? String.join("|", types.stream().map(String::valueOf).toList())
                : type == null ? "any" : type.toString();
        if ("array".equals(name) && property.get("items") != null) {
            return "array<" + type(property.get("items")) + ">";
        }
        return name;
    }

    /** The first sentence, cut to a line's length. */
    private static String shortened(String description) {
        String text = description.strip().replace('\n', ' ');
        int sentence = text.indexOf(". ");
        if (sentence > 0) {
            text = text.substring(0, sentence);
        }
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
