package com.autoretail.orchestrator.planning.rules;

import com.autoretail.orchestrator.planning.rules.entities.EntityExtractor;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many of one part a clause asks for, written next to it: "4 spark plugs ELC5120", "three ENG6631",
 * "2 x SUS4420", "ELC5120 x4". Without a count next to the part, the clause's own quantity (or 1) holds, so "add 1 x
 * SUS4401 and 2 x SUS4420" reserves one and two.
 */
final class PartQuantities {

    private static final String COUNT = "(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)";
    // a count is no price ($4), no decimal, no negative number and no repair order ("RO 123 BRK2201")
    private static final String NOT_AN_ID = "(?<![$€£#.,\\d\u2212-])(?<!\\bro\\s)(?<!\\bro)";
    // up to three words between the count and the part ("4 spark plugs ELC5120", "2 units of 1234")
    private static final String WORDS_BETWEEN = "\\s*(?:x\\s*)?(?:[a-z][a-z-]*\\s+){0,3}";

    private PartQuantities() {
    }

    static int of(String clause, String part, int fallback) {
        String quoted = Pattern.quote(part.toLowerCase(Locale.ROOT));
        String text = clause.toLowerCase(Locale.ROOT);
        Matcher before = Pattern.compile(NOT_AN_ID + "\\b" + COUNT + WORDS_BETWEEN + quoted + "\\b").matcher(text);
        if (before.find()) {
            return EntityExtractor.count(text, before, 1);
        }
        Matcher after = Pattern.compile("\\b" + quoted + "\\s*(?:x|\\*)\\s*(\\d{1,3})\\b").matcher(text);
        return after.find() ? EntityExtractor.count(text, after, 1) : fallback;
    }
}
