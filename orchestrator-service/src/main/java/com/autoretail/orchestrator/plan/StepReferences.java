package com.autoretail.orchestrator.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reference syntax of plans, {@code ${steps.<step_id>.result.<path>}} with dotted names and {@code [n]}
 * indexes ({@code result.parts[0].part_number}): found in a step's parameters for validation, resolved against
 * earlier steps' results for execution. A resolved value that is one reference keeps the referenced value's type
 * (a number stays a number); references inside a longer string are written into it.
 */
public final class StepReferences {

    /** The reference syntax: group 1 the step id, group 2 the path after {@code result}. */
    public static final Pattern REFERENCE =
            Pattern.compile("\\$\\{steps\\.([A-Za-z0-9_\\-]+)\\.result((?:\\.[A-Za-z0-9_\\-]+|\\[\\d{1,9}]){0,32})}");

    /** Anything that looks like it means to be a reference, so that a mistyped one is reported, not sent. */
    private static final Pattern LOOKS_LIKE = Pattern.compile("\\$\\{\\s*steps\\b[^}]*}?");

    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z0-9_\\-]+)|\\[(\\d{1,9})]");

    private static final String MARKER = "${";

    /** One reference at a parameter path; {@code stepId} is null when the text is malformed. */
    public record Found(String path, String text, String stepId) {
    }

    /** A reference that names a step without a result or a path the result does not have. */
    public static final class UnresolvedReference extends RuntimeException {
        UnresolvedReference(String message) {
            super(message);
        }
    }

    private StepReferences() {
    }

    /** Every reference in the parameters, well-formed or not, with the path it sits at. */
    public static List<Found> in(Map<String, Object> parameters) {
        List<Found> found = new ArrayList<>();
        parameters.forEach((name, value) -> collect(name, value, found));
        return found;
    }

    public static boolean isReference(Object value) {
        return value instanceof String text && REFERENCE.matcher(text).matches();
    }

    private static void collect(String path, Object value, List<Found> found) {
        if (value instanceof String text) {
            if (text.contains(MARKER)) {
                scan(path, text, found);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collect(path + "." + key, item, found));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(path + "[" + i + "]", list.get(i), found);
            }
        }
    }

    private static void scan(String path, String text, List<Found> found) {
        Matcher candidate = LOOKS_LIKE.matcher(text);
        while (candidate.find()) {
            Matcher exact = REFERENCE.matcher(candidate.group());
            found.add(new Found(path, candidate.group(), exact.matches() ? exact.group(1) : null));
        }
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
        if (!text.contains(MARKER)) {
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
