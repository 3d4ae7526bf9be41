package com.autoretail.orchestrator.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code ${steps.<step_id>.result.<path>}} references in a step's parameters, with the parameter path
 * each sits at ({@code part_numbers[0]}). The syntax is the executor's: dotted names and {@code [n]} indexes.
 */
public final class StepReferences {

    /** The reference syntax, the one the executor resolves. */
    public static final Pattern REFERENCE =
            Pattern.compile("\\$\\{steps\\.([A-Za-z0-9_\\-]+)\\.result((?:\\.[A-Za-z0-9_\\-]+|\\[\\d+]){0,32})}");

    /** Anything that looks like it means to be a reference, so that a mistyped one is reported, not sent. */
    private static final Pattern LOOKS_LIKE = Pattern.compile("\\$\\{\\s*steps\\b[^}]*}?");

    private static final String MARKER = "${";

    /** One reference; {@code stepId} is null when the text is malformed. */
    record Found(String path, String text, String stepId) {
    }

    private StepReferences() {
    }

    static List<Found> in(Map<String, Object> parameters) {
        List<Found> found = new ArrayList<>();
        parameters.forEach((name, value) -> collect(name, value, found));
        return found;
    }

    static boolean isReference(Object value) {
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
}
