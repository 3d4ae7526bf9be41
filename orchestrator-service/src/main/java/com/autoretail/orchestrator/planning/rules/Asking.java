package com.autoretail.orchestrator.planning.rules;

import java.util.regex.Pattern;

/**
 * How a clause asks, rather than what: a question, a polite request, a hypothetical, a condition, a correction, a
 * choice, a denial. The intent rules and the planner read these to never plan a change that was only asked about.
 * Patterns are over the lower-cased clause ({@link ClauseView#lower()}).
 */
final class Asking {

    // "Can you mark RO 1005 as in progress?" asks for the change politely; it is no question about the order.
    private static final Pattern POLITE = lowerCase("^(?:(?:hi|hey|hello|ok|okay)[,!]?\\s+)?(?:can|could|would|will)"
            + "\\s+(?:you|u|we|someone|somebody|ya)\\b|^(?:please|pls|plz|kindly)\\b");
    // A question about what may happen is no request to make it happen: "would moving RO 1013 to in_progress be
    // allowed?" (the clause may have lost its question mark to the sentence split).
    // "have TECH008 work on RO 1021" is an order, not a question
    private static final Pattern QUESTION = lowerCase("^(?:is|are|has|have(?!\\s+tech)|was|were|did|does|do|what|which"
            + "|where|when"
            + "|why|how|can|could|would|should|may|might)\\b|\\?\\s*$|\\b(?:be\\s+allowed|allowed\\s+to"
            + "|is\\s+it\\s+possible|be\\s+possible|possible\\s+to)\\b");
    // "could you check if RO 1037 is closed": a polite request to find out, which asks
    private static final Pattern EMBEDDED_QUESTION = lowerCase("\\b(?:check|see|find\\s+out|tell\\s+me|know|confirm"
            + "|verify|wondering)\\s+(?:if|whether)\\b");
    // "no wait, $60", "actually make it TECH-002": the request corrects itself, and which value holds is asked
    private static final Pattern CORRECTION = lowerCase("^\\W*(?:no\\s*,?\\s*wait|wait\\s*,?\\s*no|actually|sorry|correction"
            + "|scratch\\s+that|i\\s+mean(?:t)?|make\\s+(?:it|that))\\b");
    // "TECH-001 or TECH-002", "part 1234 or 5678": a choice between values, not both
    private static final Pattern CHOICE = lowerCase("\\b[a-z0-9]+(?:-[a-z0-9]+)*\\d\\s+or\\s+(?:part\\s+|tech\\s+)?"
            + "[a-z0-9-]*\\d");
    private static final Pattern HYPOTHETICAL = lowerCase("^(?:\\W*(?:so|and|but|ok|okay|hmm),?\\s+)?(?:what\\s+if|suppose"
            + "|supposing|hypothetically|should\\s+(?:i|we|you)|shall\\s+(?:i|we)|would\\s+it\\s+(?:be|make\\s+sense)"
            + "|do\\s+(?:i|we)\\s+(?:need|have)\\s+to|is\\s+it\\s+(?:worth|wise|a\\s+good\\s+idea))\\b"
            + "|\\b(?:asked|asks|asking|wants\\s+to\\s+know|wondering|wonders|wondered)\\s+(?:if|whether)\\b");
    // "if so", "if it's in stock" hang on the read just asked for, which the plan runs first, and "if you can" is
    // politeness: no condition of their own
    private static final Pattern CONDITION = lowerCase("^(?:\\W*(?:and|but),?\\s+)?(?:if|unless|once|as\\s+soon\\s+as"
            + "|in\\s+case|provided)\\b(?!\\s+(?:so|yes|ok|available|in\\s+stock|(?:it|they)\\s*(?:'s|is|are|'re)\\s+"
            + "(?:available|in\\s+stock|there)|there\\s+(?:is|are)\\s+(?:some|any|enough)|we\\s+have\\s+(?:it|them|some|any"
            + "|enough)|(?:you|u)\\s+can|possible|you\\s+(?:get|have)\\s+(?:a\\s+)?(?:chance|sec|second|minute|moment"
            + "|time))\\b)");
    // "work was never done", "we don't need it"
    private static final Pattern NEGATION = lowerCase("\\b(?:not|never|no\\s+longer|n't|dont|didnt|wasnt|isnt)\\b|n't\\b");

    private Asking() {
    }

    /** A question about the order ("is RO 1005 in progress?"), not a polite request ("can you mark it ...?"). */
    static boolean asks(ClauseView v) {
        String lower = v.lower();
        return QUESTION.matcher(lower).find() && !POLITE.matcher(lower).find()
                || EMBEDDED_QUESTION.matcher(lower).find();
    }

    /**
     * Whether the clause only wonders about a change, or makes it hang on something the planner cannot wait for: "what
     * if we refunded $20?", "should I cancel PAY-1002B2?", "the customer asked if the car is ready", "if the customer
     * approves, ...". A change it names is asked about, never planned.
     */
    static boolean hypothetical(ClauseView clause) {
        return HYPOTHETICAL.matcher(clause.lower()).find() || conditional(clause);
    }

    /** Whether the clause is a condition ("if the customer approves"), which holds for the clause after it too. */
    static boolean conditional(ClauseView clause) {
        return CONDITION.matcher(clause.lower()).find();
    }

    /** Whether the clause takes back a value said before it ("no wait, $60"): the planner asks which holds. */
    static boolean corrects(ClauseView clause) {
        return CORRECTION.matcher(clause.lower()).find();
    }

    /** Whether the clause offers ids as alternatives ("TECH-001 or TECH-002"): one is for the advisor to choose. */
    static boolean offersAChoice(ClauseView clause) {
        return clause.lower().contains(" or ") && CHOICE.matcher(clause.lower()).find();
    }

    /** Whether the clause says what is not or never was: "work was never done", "we don't need it". */
    static boolean negated(ClauseView clause) {
        return NEGATION.matcher(clause.lower()).find();
    }

    /** A pattern over the lower-cased clause, so without the cost of case-insensitive matching. */
    private static Pattern lowerCase(String regex) {
        return Pattern.compile(regex);
    }
}
