package com.autoretail.orchestrator.planning.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a request into clauses, one action each: "Add part 1234 to RO 1234, and send a payment link ..." is two.
 * Cuts at sentence ends, at "then" and "also", and at "and" or a comma before a verb of action, never inside
 * quotes (a note's text stays whole) and never inside lists ("parts 1234 and 5678").
 */
final class Clauses {

    private static final String VERB = "(?:please\\s+)?(?:add|send|reserve|assign|mark|move|set|update|change|create"
            + "|open|check|refund|show|get|find|search|look|put|hold|cancel|close|email|charge|bill|notify|remind"
            + "|request|issue|give|start|complete|process|note|attach|install|list|tell|ask|verify|confirm|see|fetch"
            + "|display|make|raise|book|text|log|record|write|reassign|allocate|transition|collect|pull|view|release"
            + "|is|are|does|do|can|what|which|where|how)\\b";

    private static final Pattern BOUNDARY = Pattern.compile(
            // a question keeps its mark: "RO 1008 ready? and paid?" asks twice and changes nothing
            "[.;!](?=\\s+(?-i:[A-Z]))|[;!]\\s*|(?<=\\?)\\s*|,?\\s+(?:and\\s+)?then\\s+|,?\\s+also\\s+"
                    + "|,\\s*(?:and\\s+)?(?=" + VERB + ")"
                    + "|\\s+and\\s+(?=" + VERB + ")",
            Pattern.CASE_INSENSITIVE);

    // never the comma of a number ("1,000 dollars")
    private static final Pattern CUT = Pattern.compile(",?\\s+and\\s+|,(?!\\d)\\s*|\\.\\s+|\\s+-\\s+",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LEADING_VERB = Pattern.compile("^" + VERB, Pattern.CASE_INSENSITIVE);

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”|(?<=^|[\\s:])'[^']*'(?=[\\s.,;!?]|$)");

    private Clauses() {
    }

    static List<String> split(String request) {
        String masked = maskQuotes(request);
        List<String> clauses = new ArrayList<>();
        Matcher boundary = BOUNDARY.matcher(masked);
        int start = 0;
        while (boundary.find()) {
            add(clauses, request.substring(start, boundary.start()));
            start = boundary.end();
        }
        add(clauses, request.substring(start));
        return clauses;
    }

    /**
     * Where a clause could be cut further, outside quotes: at "and", a comma or a sentence's end with no verb after it
     * ("show RO 1005 and its payment status"). Whether to cut is the planner's call, by what each side asks for.
     * Each cut is its start and end in the clause.
     */
    static List<int[]> cuts(String clause) {
        Matcher cut = CUT.matcher(maskQuotes(clause));
        List<int[]> cuts = new ArrayList<>();
        while (cut.find()) {
            cuts.add(new int[] {cut.start(), cut.end()});
        }
        return cuts;
    }

    /** Whether the text starts with a verb of action or a question word: "add part ...", "is it ...". */
    static boolean startsWithVerb(String text) {
        return LEADING_VERB.matcher(text).lookingAt();
    }

    /** The text with every quoted span blanked out, same length, so that boundaries inside quotes are not seen. */
    private static String maskQuotes(String text) {
        if (!TextDetails.mayQuote(text)) {
            return text;
        }
        Matcher quoted = QUOTED.matcher(text);
        if (!quoted.find()) {
            return text;
        }
        char[] masked = text.toCharArray();
        do {
            for (int i = quoted.start() + 1; i < quoted.end() - 1; i++) {
                masked[i] = 'x';
            }
        } while (quoted.find());
        return new String(masked);
    }

    private static void add(List<String> clauses, String clause) {
        String trimmed = clause.strip();
        if (!trimmed.isEmpty()) {
            clauses.add(trimmed);
        }
    }
}
