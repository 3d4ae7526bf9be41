package com.autoretail.orchestrator.planning.corpus;

import java.util.List;
import java.util.Map;

/**
 * How one plan (or refusal) scored against its label.
 *
 * @param exact              the whole plan is right: every asked operation with its key values, nothing else but
 *                           read-only guards of its side effects; for a no-plan case, the planner refused
 * @param refused            the planner answered with no plan (422)
 * @param perOperation       {@code service.operation} → true positives, false positives, false negatives
 * @param unaskedSideEffects side-effecting operations planned beyond what the label asks for (one entry each)
 * @param strayedSideEffects side-effecting steps that match no asked operation with its key values: the unasked ones
 *                           and those aimed wrong (another repair order, another status, another amount)
 * @param planned            what the planner answered: its operations, or the refusal's first error
 * @param reason             why it is not exact; empty when it is
 */
public record CaseScore(CorpusCase label, boolean exact, boolean refused, Map<String, Counts> perOperation,
                        List<String> unaskedSideEffects, List<String> strayedSideEffects, String planned,
                        String reason) {

    /** Operation-level counts of one case, or summed over a corpus. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {

        public Counts plus(Counts other) {
            return new Counts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }
    }
}
