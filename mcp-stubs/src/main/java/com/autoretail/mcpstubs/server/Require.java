package com.autoretail.mcpstubs.server;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Argument checks of the tools; each refuses with {@code VALIDATION_ERROR} naming the field. */
public final class Require {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");

    private Require() {
    }

    /** The trimmed value; refuses a missing or blank one. */
    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw StubException.invalid(field, field + " is required");
        }
        return value.trim();
    }

    public static BigDecimal positive(BigDecimal value, String field) {
        if (value == null) {
            throw StubException.invalid(field, field + " is required");
        }
        if (value.signum() <= 0) {
            throw new StubException(ToolErrorCode.VALIDATION_ERROR, field + " must be greater than 0, was " + value,
                    Map.of("field", field, "value", value));
        }
        return value;
    }

    /** A quantity of at least 1, {@code 1} when absent. */
    public static int quantity(Integer value, String field) {
        if (value == null) {
            return 1;
        }
        if (value < 1) {
            throw new StubException(ToolErrorCode.VALIDATION_ERROR, field + " must be at least 1, was " + value,
                    Map.of("field", field, "value", value));
        }
        return value;
    }

    public static String email(String value, String field) {
        String email = text(value, field);
        if (!EMAIL.matcher(email).matches()) {
            throw new StubException(ToolErrorCode.VALIDATION_ERROR, field + " is not a valid email address: " + email,
                    Map.of("field", field, "value", email));
        }
        return email;
    }

    /** The lower-cased value when it is one of {@code allowed}. */
    public static String oneOf(String value, String field, Collection<String> allowed) {
        String chosen = text(value, field).toLowerCase(Locale.ROOT);
        if (!allowed.contains(chosen)) {
            throw new StubException(ToolErrorCode.VALIDATION_ERROR,
                    field + " must be one of " + String.join(", ", allowed) + ", was " + value,
                    Map.of("field", field, "value", value, "allowed_values", allowed));
        }
        return chosen;
    }

}
