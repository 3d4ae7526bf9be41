package com.autoretail.sales.conversation;

import com.autoretail.common.text.WrittenCounts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the quantity a customer asks for: digits ("2 units"), words ("two", "twenty-five"), "a couple", "a pair",
 * "a dozen", "half a dozen". SKUs and store ids are not quantities. Digits are read as {@link WrittenCounts} reads
 * them, so that the order refuses "-5" or "2.5 units" instead of holding some other quantity.
 */
final class Quantities {

    private static final Pattern NOT_QUANTITIES = Pattern.compile("(?i)\\b(sku\\d+|store[_ -]?\\d+)\\b");
    private static final Pattern DIGITS_WITH_UNIT =
            Pattern.compile("\\b(\\d+)\\s*(x\\b|units?\\b|pcs\\b|pieces?\\b|items?\\b|of\\b|sets?\\b)");
    private static final Pattern TIMES_DIGITS = Pattern.compile("\\bx\\s*(\\d+)\\b");
    private static final Pattern DIGITS = Pattern.compile("\\b(\\d+)\\b");
    private static final Pattern DOZENS = Pattern.compile("\\b(half a|a|one|two|three|four|five)\\s+dozens?\\b");
    private static final Pattern COUPLE_OR_PAIR = Pattern.compile("\\ba\\s+(couple|pair)\\b");
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Pattern WORDS = Pattern.compile("\\b(" + String.join("|", TENS.keySet()) + ")(?:[\\s-]+("
            + String.join("|", UNITS.keySet()) + "))?\\b|\\b(" + String.join("|", UNITS.keySet()) + ")\\b");

    private Quantities() {
    }

    /** The quantity in a message, null when it names none. */
    static Integer find(String message) {
        String text = NOT_QUANTITIES.matcher(message.toLowerCase(Locale.ROOT)).replaceAll(" ");
        for (Pattern digits : List.of(DIGITS_WITH_UNIT, TIMES_DIGITS, DIGITS)) {
            Matcher m = digits.matcher(text);
            if (m.find()) {
                return WrittenCounts.at(text, m.start(1), m.end(1));
            }
        }
        Matcher m = DOZENS.matcher(text);
        if (m.find()) {
            String count = m.group(1);
            return switch (count) {
                case "half a" -> 6;
                case "a" -> 12;
                default -> UNITS.get(count) * 12;
            };
        }
        m = COUPLE_OR_PAIR.matcher(text);
        if (m.find()) {
            return 2;
        }
        m = WORDS.matcher(text);
        if (m.find()) {
            if (m.group(3) != null) {
                return UNITS.get(m.group(3));
            }
            return TENS.get(m.group(1)) + (m.group(2) == null ? 0 : UNITS.get(m.group(2)));
        }
        return null;
    }
}
