package com.autoretail.orchestrator.planning.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The scores of one part of the corpus: whole-plan accuracy, per-operation precision and recall, the misses. */
public record CorpusScores(String part, List<CaseScore> cases) {

    public CorpusScores {
        cases = List.copyOf(cases);
    }

    /** Plans every case of the part and scores it. */
    public static CorpusScores of(String part, List<CorpusCase> labels, CorpusScorer scorer) {
        return new CorpusScores(part, labels.stream().map(scorer::score).toList());
    }

    public int exact() {
        return (int) cases.stream().filter(CaseScore::exact).count();
    }

    /** Whole-plan exact matches, as a fraction of the cases. */
    public double accuracy() {
        return cases.isEmpty() ? 0 : (double) exact() / cases.size();
    }

    /** Side-effecting operations planned that no label asked for, each with its request. */
    public List<String> unaskedSideEffects() {
        List<String> unasked = new ArrayList<>();
        for (CaseScore score : cases) {
            score.unaskedSideEffects().forEach(op -> unasked.add(op + " for \"" + score.label().request() + "\""));
        }
        return unasked;
    }

    /** Side-effecting steps that match no asked operation with its key values, each with its request. */
    public List<String> strayedSideEffects() {
        List<String> strayed = new ArrayList<>();
        for (CaseScore score : cases) {
            score.strayedSideEffects().forEach(step -> strayed.add(step + " for \"" + score.label().request() + "\""));
        }
        return strayed;
    }

    public long noPlanCases() {
        return cases.stream().filter(score -> score.label().noPlan()).count();
    }

    /** No-plan cases that the planner refused, as it should. */
    public long noPlanRefused() {
        return cases.stream().filter(score -> score.label().noPlan() && score.refused()).count();
    }

    /** Summed operation-level counts, by operation. */
    public Map<String, CaseScore.Counts> perOperation() {
        Map<String, CaseScore.Counts> sums = new TreeMap<>();
        for (CaseScore score : cases) {
            score.perOperation().forEach((op, counts) -> sums.merge(op, counts, CaseScore.Counts::plus));
        }
        return sums;
    }

    /** Exact matches per tag, as "tag exact/cases". */
    public Map<String, int[]> perTag() {
        Map<String, int[]> tags = new TreeMap<>();
        for (CaseScore score : cases) {
            for (String tag : score.label().tags()) {
                int[] counts = tags.computeIfAbsent(tag, t -> new int[2]);
                counts[0] += score.exact() ? 1 : 0;
                counts[1]++;
            }
        }
        return tags;
    }

    /**
     * The misses, worst first: unasked side effects, side effects aimed wrong, plans where none belongs, refusals of
     * requests that ask for something, then reads with wrong values.
     */
    public List<CaseScore> misses() {
        return cases.stream().filter(score -> !score.exact())
                .sorted(Comparator.comparingInt(CorpusScores::severity)).toList();
    }

    private static int severity(CaseScore score) {
        if (!score.unaskedSideEffects().isEmpty()) {
            return 0;
        }
        if (!score.strayedSideEffects().isEmpty()) {
            return 1;
        }
        if (score.label().noPlan()) {
            return 2;
        }
        return score.refused() ? 3 : 4;
    }

    /** "development: 61.3 % (106/173) whole plans right" and so on, for logs and reports. */
    public List<String> lines(int misses) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s: %.1f %% (%d/%d) whole plans right; no-plan requests refused %d/%d; "
                        + "unasked side effects %d; side effects not as asked (unasked or aimed wrong) %d", part,
                100 * accuracy(), exact(), cases.size(), noPlanRefused(), noPlanCases(), unaskedSideEffects().size(),
                strayedSideEffects().size()));
        StringBuilder tags = new StringBuilder(part + " by tag:");
        perTag().forEach((tag, counts) -> tags.append(' ').append(tag).append(' ').append(counts[0]).append('/')
                .append(counts[1]).append(';'));
        lines.add(tags.toString());
        StringBuilder ops = new StringBuilder(part + " per operation (precision / recall):");
        perOperation().forEach((op, counts) -> ops.append(' ').append(op).append(' ')
                .append(ratio(counts.truePositives(), counts.truePositives() + counts.falsePositives())).append(" / ")
                .append(ratio(counts.truePositives(), counts.truePositives() + counts.falseNegatives())).append(';'));
        lines.add(ops.toString());
        for (CaseScore miss : misses().stream().limit(misses).toList()) {
            lines.add(part + " miss: \"" + miss.label().request() + "\": " + miss.reason() + "; " + miss.planned());
        }
        return lines;
    }

    private static String ratio(int part, int whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) part / whole);
    }
}
