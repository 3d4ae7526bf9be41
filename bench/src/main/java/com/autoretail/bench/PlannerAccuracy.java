package com.autoretail.bench;

import com.autoretail.orchestrator.plan.NoValidPlanException;
import com.autoretail.orchestrator.planning.PlanningService;
import com.autoretail.orchestrator.planning.corpus.CaseScore;
import com.autoretail.orchestrator.planning.corpus.Corpus;
import com.autoretail.orchestrator.planning.corpus.CorpusCase;
import com.autoretail.orchestrator.planning.corpus.CorpusScorer;
import com.autoretail.orchestrator.planning.corpus.CorpusScores;
import com.autoretail.orchestrator.planning.corpus.BuiltInPlanning;
import com.autoretail.orchestrator.registry.ServiceCatalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * 4b–4e. The planner against the labelled corpus ({@code planning/corpus/}): whole plans right on the held-out and
 * the development part, side effects no request asked for, and the latency of one plan over the corpus's own
 * requests. Scored by the orchestrator's {@link CorpusScorer}, the same as {@code CorpusTest}.
 */
final class PlannerAccuracy {

    private static final double TARGET_ACCURACY = 0.95;
    private static final double TARGET_P99_MS = 10.0;
    private static final String ACCURACY_TARGET = "≥ 95 %";
    /** Passes over the corpus before timing (the JIT), then timed passes: several thousand plans in all. */
    private static final int WARMUP_PASSES = 5;
    private static final int TIMED_PASSES = 20;
    private static final int MISSES_SHOWN = 5;
    private static final String CORPUS_PATH = "orchestrator-service/src/test/resources/planning/corpus/";

    private PlannerAccuracy() {
    }

    /** @param planning the folder of {@code capabilities.json} and {@code corpus/} */
    static List<Result> run(Path planning) {
        Corpus corpus = Corpus.load(planning);
        ServiceCatalog catalog = BuiltInPlanning.catalog(planning);
        PlanningService service = BuiltInPlanning.service();
        CorpusScorer scorer = new CorpusScorer(service, catalog);
        CorpusScores development = CorpusScores.of("development", corpus.development(), scorer);
        CorpusScores heldOut = CorpusScores.of("held-out", corpus.heldOut(), scorer);
        List<CaseScore> every = new ArrayList<>(development.cases());
        every.addAll(heldOut.cases());
        CorpusScores all = new CorpusScores("whole corpus", every);
        String at = Instant.now().toString();
        String how = String.format(Locale.ROOT, "`PlanningService` without an LLM (the rule planner, then the "
                        + "validator) on each of the %d requests of `%s` (development %d, held-out %d, written "
                        + "apart); a plan is right when it has every asked operation with its key values (ids as "
                        + "written, amounts, statuses) and nothing else but read-only guards of its side effects; a "
                        + "no-plan request is right when refused", corpus.size(), CORPUS_PATH,
                corpus.development().size(), corpus.heldOut().size());

        List<Result> results = new ArrayList<>();
        results.add(accuracy("4b", "held-out", heldOut, how, at));
        results.add(accuracy("4c", "development", development, how, at));
        List<String> unasked = all.unaskedSideEffects();
        List<String> strayed = all.strayedSideEffects();
        List<String> sideEffects = new ArrayList<>();
        sideEffects.add(how);
        sideEffects.add(String.format(Locale.ROOT, "**%d side-effecting operation(s) planned that no request asked for"
                + "**; %d side-effecting step(s) that match nothing asked (unasked, or aimed at another repair order, "
                + "status or amount)", unasked.size(), strayed.size()));
        unasked.forEach(op -> sideEffects.add("unasked: " + op));
        strayed.stream().limit(MISSES_SHOWN).forEach(step -> sideEffects.add("not as asked: " + step));
        results.add(new Result("4d", "Planner: side effects no request asked for (whole corpus)",
                String.valueOf(unasked.size()), "0", unasked.isEmpty(), PlannerBench.COMMAND, sideEffects, at));
        results.add(latency(service, catalog, all, at));
        return results;
    }

    private static Result accuracy(String id, String part, CorpusScores scores, String how, String at) {
        List<String> details = new ArrayList<>();
        details.add(how);
        details.addAll(scores.lines(MISSES_SHOWN));
        return new Result(id, "Planner: whole plans right on the " + part + " corpus",
                String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100 * scores.accuracy(), scores.exact(),
                        scores.cases().size()), ACCURACY_TARGET, scores.accuracy() >= TARGET_ACCURACY,
                PlannerBench.COMMAND, details, at);
    }

    /** Times each plan (or refusal, which is an answer too) over the corpus's requests, after warm-up passes. */
    private static Result latency(PlanningService service, ServiceCatalog catalog, CorpusScores all, String at) {
        List<String> requests = all.cases().stream().map(CaseScore::label).map(CorpusCase::request).toList();
        for (int pass = 0; pass < WARMUP_PASSES; pass++) {
            requests.forEach(request -> planOrRefuse(service, catalog, request));
        }
        long[] nanos = new long[requests.size() * TIMED_PASSES];
        int sample = 0;
        for (int pass = 0; pass < TIMED_PASSES; pass++) {
            for (String request : requests) {
                long start = System.nanoTime();
                planOrRefuse(service, catalog, request);
                nanos[sample++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        double p50 = percentile(nanos, 0.50);
        double p99 = percentile(nanos, 0.99);
        double max = nanos[nanos.length - 1] / 1e6;
        List<String> details = List.of(
                String.format(Locale.ROOT, "`PlanningService` without an LLM, one thread, in the bench's JVM: %d "
                        + "passes over the %d corpus requests to warm up, then %d timed passes (%d plans or refusals, "
                        + "each timed with `System.nanoTime`)", WARMUP_PASSES, requests.size(), TIMED_PASSES,
                        nanos.length),
                String.format(Locale.ROOT, "latency p50 %.3f ms, **p99 %.3f ms**, max %.3f ms; load average when "
                        + "timed: %s (this machine's 2 cores are shared, so the tail is mostly other work)", p50, p99,
                        max, loadAverage()),
                "4 measures the same planner with JMH on the shorter, tidier requests of `rule-cases.json`");
        return new Result("4e", "Planner: p99 of one plan over the corpus (in-process)",
                String.format(Locale.ROOT, "%.3f ms", p99), "≤ 10 ms", p99 <= TARGET_P99_MS, PlannerBench.COMMAND,
                details, at);
    }

    private static void planOrRefuse(PlanningService service, ServiceCatalog catalog, String request) {
        try {
            service.plan(request, catalog);
        } catch (NoValidPlanException refused) {
            // a refusal is the planner's answer to this request: timed like a plan
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", fields[0], fields[1], fields[2]);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double percentile(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
