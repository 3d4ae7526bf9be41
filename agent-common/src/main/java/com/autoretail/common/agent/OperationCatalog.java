package com.autoretail.common.agent;

import com.autoretail.common.wire.FieldError;
import com.autoretail.common.wire.OperationSource;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.common.wire.RiskTier;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The operations of an agent with their compiled schemas, rebuilt only when the MCP tool list changes, so that
 * no request compiles a schema.
 */
final class OperationCatalog {

    static final OperationCatalog EMPTY = new OperationCatalog(null, Map.of());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Entry(OperationSpec spec, Schema schema) {
    }

    private final List<McpSchema.Tool> sourceTools;
    private final Map<String, Entry> entries;

    private OperationCatalog(List<McpSchema.Tool> sourceTools, Map<String, Entry> entries) {
        this.sourceTools = sourceTools;
        this.entries = entries;
    }

    static OperationCatalog build(List<McpSchema.Tool> tools, UnaryOperator<OperationSpec> refine,
                                  List<OperationSpec> local) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (McpSchema.Tool tool : tools) {
            OperationSpec spec = annotated(refine.apply(fromTool(tool)), tool.annotations());
            entries.put(spec.name(), new Entry(spec, SchemaValidator.compile(spec.parameters())));
        }
        for (OperationSpec spec : local) {
            entries.put(spec.name(), new Entry(spec, SchemaValidator.compile(spec.parameters())));
        }
        return new OperationCatalog(tools, Collections.unmodifiableMap(entries));
    }

    @SuppressWarnings("unchecked")
    static OperationSpec fromTool(McpSchema.Tool tool) {
        Map<String, Object> schema = MAPPER.convertValue(tool.inputSchema(), Map.class);
        schema.values().removeIf(v -> v == null);
        boolean readOnly = tool.annotations() != null && Boolean.TRUE.equals(tool.annotations().readOnlyHint());
        return new OperationSpec(tool.name(), tool.description(), OperationSource.MCP, schema, !readOnly, null);
    }

    /**
     * The risk tier after the agent's refinement: a tool its server marks {@code destructiveHint} is irreversible
     * whatever compensation the agent declares (what it destroys, nothing restores); otherwise the tier follows from
     * the side effects and the compensation. {@code idempotentHint} does not change the tier: every side effect of
     * the fleet is idempotent by its request_id anyway.
     */
    static OperationSpec annotated(OperationSpec spec, McpSchema.ToolAnnotations annotations) {
        boolean destructive = annotations != null && Boolean.TRUE.equals(annotations.destructiveHint());
        return destructive && spec.sideEffects() ? spec.withRisk(RiskTier.IRREVERSIBLE) : spec;
    }

    boolean builtFrom(List<McpSchema.Tool> tools) {
        return sourceTools == tools;
    }

    OperationSpec spec(String name) {
        Entry entry = name == null ? null : entries.get(name);
        return entry == null ? null : entry.spec();
    }

    List<OperationSpec> specs() {
        List<OperationSpec> specs = new ArrayList<>(entries.size());
        entries.values().forEach(entry -> specs.add(entry.spec()));
        return specs;
    }

    Set<String> names() {
        return entries.keySet();
    }

    List<FieldError> validate(String operation, Map<String, Object> parameters) {
        return SchemaValidator.validate(entries.get(operation).schema(), parameters);
    }
}
