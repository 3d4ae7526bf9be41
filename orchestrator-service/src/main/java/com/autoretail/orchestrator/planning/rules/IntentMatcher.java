package com.autoretail.orchestrator.planning.rules;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Proposes what a clause asks for, each proposal with a confidence. The rules are one matcher ({@link IntentRules});
 * a matcher by meaning (a sentence-embedding model comparing the clause with example utterances per operation) can be
 * another: the planner takes, per clause, the intent with the highest confidence any matcher gives it, and none
 * below its threshold.
 */
@FunctionalInterface
interface IntentMatcher {

    /** What a rule that matched stands for: the words leave no doubt. */
    double CERTAIN = 1.0;

    /** @param confidence from 0 (no idea) to 1 ({@link #CERTAIN}) */
    record Match(Intent intent, double confidence) {
    }

    /** The intents the clause may ask for, in any order; empty when the matcher has no idea. */
    List<Match> match(ClauseView clause);

    /** The best-scored intent of all the matchers' proposals, or null when none reaches {@code threshold}. */
    static Intent best(List<IntentMatcher> matchers, ClauseView clause, double threshold) {
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        for (IntentMatcher matcher : matchers) {
            for (Match match : matcher.match(clause)) {
                scores.merge(match.intent(), match.confidence(), Math::max);
            }
        }
        Intent best = null;
        double top = threshold;
        for (Map.Entry<Intent, Double> score : scores.entrySet()) {
            if (score.getValue() >= top && (best == null || score.getValue() > top)) {
                best = score.getKey();
                top = score.getValue();
            }
        }
        return best;
    }
}
