package com.autoretail.parts;

import com.autoretail.common.wire.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The format of a part number: 3 to 20 letters or digits, in groups joined by single dashes ({@code 1234},
 * {@code BRK2201}, {@code BRK-2201}, {@code 12-AB-9}): dealers' catalogues print part numbers with dashes, and a
 * planner carries them as written. The dealer's catalogue reads part numbers in any case, so {@code brk2201} is the
 * same part as {@code BRK2201} (but not as {@code BRK-2201}, which is another number).
 */
final class PartNumbers {

    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 20;
    /** The same rule as a JSON-schema pattern, for the operations' parameter schemas. */
    static final String PATTERN = "^(?=.{" + MIN_LENGTH + "," + MAX_LENGTH + "}$)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$";

    /** The answer of {@code validate_part_number}: every problem, not just the first. */
    record Check(String partNumber, boolean valid, String normalized, List<FieldError> errors) {
    }

    private PartNumbers() {
    }

    static Check check(String partNumber) {
        List<FieldError> errors = problems("part_number", partNumber);
        String normalized = errors.isEmpty() ? partNumber.toUpperCase(Locale.ROOT) : null;
        return new Check(partNumber, errors.isEmpty(), normalized, errors);
    }

    static List<FieldError> problems(String field, String partNumber) {
        List<FieldError> errors = new ArrayList<>();
        if (partNumber == null || partNumber.isEmpty()) {
            errors.add(new FieldError(field, "is empty"));
            return errors;
        }
        int length = partNumber.codePointCount(0, partNumber.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            errors.add(new FieldError(field, "must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters long, is " + length));
        }
        Set<String> special = new LinkedHashSet<>();
        partNumber.codePoints()
                .filter(c -> !isAsciiAlphanumeric(c) && c != '-')
                .forEach(c -> special.add(Character.isWhitespace(c) ? "whitespace" : "'" + Character.toString(c) + "'"));
        if (!special.isEmpty()) {
            errors.add(new FieldError(field, "must hold only letters A-Z, digits 0-9 and dashes; found "
                    + String.join(", ", special)));
        }
        if (partNumber.startsWith("-") || partNumber.endsWith("-") || partNumber.contains("--")) {
            errors.add(new FieldError(field, "a '-' only joins letters or digits: never first, last or doubled"));
        }
        return errors;
    }

    private static boolean isAsciiAlphanumeric(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
