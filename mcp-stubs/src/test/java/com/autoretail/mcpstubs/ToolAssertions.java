package com.autoretail.mcpstubs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on tool listings and tool answers. */
public final class ToolAssertions {

    private static final Pattern SIGNATURE = Pattern.compile("(\\w+)\\(([^;)]*)(?:;([^)]*))?\\)");

    private ToolAssertions() {
    }

    public static Map<String, Tool> byName(List<Tool> tools) {
        return tools.stream().collect(Collectors.toMap(Tool::name, Function.identity()));
    }

    /**
     * The server lists exactly these tools, each with a description, annotations and exactly these parameters,
     * every one described. A tool is written as {@code name(required, parameters; optional, parameters)}, e.g.
     * {@code "check_payment_status(; payment_id, repair_order_id)"}. Answers the tools by name.
     */
    public static Map<String, Tool> assertTools(List<Tool> tools, String... signatures) {
        Map<String, List<String>> required = new HashMap<>();
        Map<String, List<String>> optional = new HashMap<>();
        for (String signature : signatures) {
            Matcher parts = SIGNATURE.matcher(signature);
            if (!parts.matches()) {
                throw new IllegalArgumentException("Not name(required; optional): " + signature);
            }
            required.put(parts.group(1), parameterNames(parts.group(2)));
            optional.put(parts.group(1), parameterNames(parts.group(3)));
        }
        assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrderElementsOf(required.keySet());
        for (Tool tool : tools) {
            List<String> mandatory = required.get(tool.name());
            Set<String> all = new HashSet<>(mandatory);
            all.addAll(optional.get(tool.name()));
            assertThat(tool.description()).as(tool.name()).isNotBlank();
            assertThat(tool.annotations()).as(tool.name()).isNotNull();
            assertThat(tool.inputSchema().type()).isEqualTo("object");
            assertThat(tool.inputSchema().required() != null ? tool.inputSchema().required() : List.<String>of())
                .as("required parameters of %s", tool.name())
                .containsExactlyInAnyOrderElementsOf(mandatory);
            assertThat(tool.inputSchema().properties()).as("parameters of %s", tool.name())
                .containsOnlyKeys(all)
                .allSatisfy((name, schema) -> assertThat(map(schema)).as("%s.%s", tool.name(), name)
                    .containsKeys("type", "description"));
        }
        return byName(tools);
    }

    private static List<String> parameterNames(String list) {
        return (list == null || list.isBlank()) ? List.of() : List.of(list.trim().split("\\s*,\\s*"));
    }

    /** The names of the tools whose annotations give the hint, e.g. {@code ToolAnnotations::readOnlyHint}. */
    public static List<String> hinted(Map<String, Tool> tools, Function<ToolAnnotations, Boolean> hint) {
        return tools.values()
            .stream()
            .filter(tool -> Boolean.TRUE.equals(hint.apply(tool.annotations())))
            .map(Tool::name)
            .toList();
    }

    /** The values of one field across the objects of a list in a tool answer. */
    public static List<Object> values(Map<String, Object> json, String listKey, String field) {
        return ((List<?>) json.get(listKey)).stream().map(item -> (Object) ((Map<?, ?>) item).get(field)).toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object json) {
        return (List<Object>) json;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> details(Map<String, Object> error) {
        return (Map<String, Object>) error.get("details");
    }

}
