package com.autoretail.mcpstubs.server;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repair order numbers: 3 to 10 digits, e.g. {@code 1234}. A planner's {@code RO-1234},
 * {@code RO1234} or {@code #1234} mean the same order, so they are read as {@code 1234}.
 */
public final class RepairOrderNumbers {

    private static final Pattern NUMBER = Pattern.compile("^(?:RO)?[\\s#_-]*(\\d{3,10})$", Pattern.CASE_INSENSITIVE);

    private RepairOrderNumbers() {
    }

    public static String normalize(String value, String field) {
        String text = Require.text(value, field);
        Matcher matcher = NUMBER.matcher(text);
        if (!matcher.matches()) {
            throw new StubException(ToolErrorCode.VALIDATION_ERROR,
                    field + " must be a repair order number of 3 to 10 digits (e.g. 1234), was " + text,
                    Map.of("field", field, "value", text));
        }
        return matcher.group(1);
    }

}
