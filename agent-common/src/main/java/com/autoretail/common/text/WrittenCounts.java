package com.autoretail.common.text;

import java.util.regex.Pattern;

/**
 * A count of whole units as a person writes it, read from the digits a pattern found and what is written around them:
 * "1,000" is a thousand; "-5", "2.5" and "2-3" are no count ({@link #NOT_A_COUNT}); a count too large for an int is
 * {@link Integer#MAX_VALUE}. A caller's own limits then refuse the last two, rather than the digits a pattern happened
 * to catch ("5" of "2.5", "3" of "-3") being taken, or a number too long for the pattern being passed over for a
 * default of one.
 */
public final class WrittenCounts {

    /** What is written is a number, but not a count of whole units: refused by any limit of at least 1. */
    public static final int NOT_A_COUNT = -1;

    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+");

    private WrittenCounts() {
    }

    /** The count the digits at {@code start..end} of {@code text} belong to. */
    public static int at(String text, int start, int end) {
        int from = start;
        while (from > 0 && (Character.isDigit(text.charAt(from - 1))
                || separator(text.charAt(from - 1)) && from > 1 && Character.isDigit(text.charAt(from - 2)))) {
            from--;
        }
        int to = end;
        while (to < text.length() - 1 && separator(text.charAt(to)) && Character.isDigit(text.charAt(to + 1))) {
            to++;
            while (to < text.length() && Character.isDigit(text.charAt(to))) {
                to++;
            }
        }
        if (minusBefore(text, from)) {
            return NOT_A_COUNT;
        }
        String written = text.substring(from, to);
        if (THOUSANDS.matcher(written).matches()) {
            written = written.replace(",", "");
        } else if (!written.chars().allMatch(Character::isDigit)) {
            return NOT_A_COUNT;   // a fraction, or digits run together with separators
        }
        String significant = written.replaceFirst("^0+(?=\\d)", "");
        return significant.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(significant);
    }

    /** Whether a minus sign (hyphen-minus or U+2212) is written right before {@code index} of {@code text}. */
    public static boolean minusBefore(String text, int index) {
        return index > 0 && (text.charAt(index - 1) == '-' || text.charAt(index - 1) == '\u2212');
    }

    private static boolean separator(char c) {
        return c == ',' || c == '.';
    }
}
