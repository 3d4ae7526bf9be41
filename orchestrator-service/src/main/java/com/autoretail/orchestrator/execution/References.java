package com.autoretail.orchestrator.execution;

import com.autoretail.orchestrator.planning.StepReferences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves parameter references to earlier steps' results: {@code ${steps.validate_ro_1.result.repair_order_id}},
 * with dotted paths and list indexes ({@code result.parts[0].part_number}). A value that is one reference keeps
 * the referenced value's type (a number stays a number); references inside a longer string are written into it.
 */
public final class References {

    private static final Pattern REFERENCE = StepReferences.REFERENCE;
    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z0-9_\\-]+)|\\[(\\d+)]");

    /** A reference that names a step without a result or a path the result does not have. */
    public static final class UnresolvedReference extends RuntimeException {
        UnresolvedReference(String message) {
            super(message);
        }
    }

    private References() {
    }

    /** The parameters with every reference replaced by the value it names in {@code results} (step id → result). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> resolve(Map<String, Object> parameters, Map<String, Object> results) {
        return (Map<String, Object>) resolveValue(parameters, results);
    }

    private static Object resolveValue(Object value, Map<String, Object> results) {
        if (value instanceof String text) {
            return resolveText(text, results);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, item) -> resolved.put(String.valueOf(key), resolveValue(item, results)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            list.forEach(item -> resolved.add(resolveValue(item, results)));
            return resolved;
        }
        return value;
    }

    private static Object resolveText(String text, Map<String, Object> results) {
        if (!text.contains("${steps.")) {
            return text;
        }
        Matcher whole = REFERENCE.matcher(text);
        if (whole.matches()) {
            return lookup(whole.group(1), whole.group(2), results);
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder written = new StringBuilder();
        while (matcher.find()) {
            Object found = lookup(matcher.group(1), matcher.group(2), results);
            matcher.appendReplacement(written, Matcher.quoteReplacement(String.valueOf(found)));
        }
        matcher.appendTail(written);
        return written.toString();
    }

    private static Object lookup(String stepId, String path, Map<String, Object> results) {
        if (!results.containsKey(stepId)) {
            throw new UnresolvedReference("step " + stepId + " has no result to reference");
        }
        Object current = results.get(stepId);
        Matcher segment = SEGMENT.matcher(path);
        String walked = "result";
        while (segment.find()) {
            if (segment.group(1) != null) {
                walked += "." + segment.group(1);
                current = current instanceof Map<?, ?> map ? map.get(segment.group(1)) : null;
            } else {
                int index = Integer.parseInt(segment.group(2));
                walked += "[" + index + "]";
                current = current instanceof List<?> list && index < list.size() ? list.get(index) : null;
            }
            if (current == null) {
                throw new UnresolvedReference("step " + stepId + " has no " + walked);
            }
        }
        return current;
    }
}
