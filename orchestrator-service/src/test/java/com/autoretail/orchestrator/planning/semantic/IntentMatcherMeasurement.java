package com.autoretail.orchestrator.planning.semantic;

import com.autoretail.orchestrator.planning.corpus.Corpus;
import com.autoretail.orchestrator.planning.corpus.CorpusCase;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.testsupport.Catalogs;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of the README's "Intent matching": model load and example embedding time, resident and heap memory
 * the model adds, top-1 and top-3 accuracy of the matcher alone on the single-intent requests of both corpus parts
 * (the held-out part only reported, never tuned on), latency per clause after warm-up, and how far the scores of
 * right answers and of requests with nothing to plan lie apart at each top-k. Run it with the test class path:
 * <pre>
 * ./mvnw -o -q -pl orchestrator-service -am package -DskipTests dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -cp orchestrator-service/target/test-classes:\
 * orchestrator-service/target/classes:$(cat /tmp/cp.txt) \
 *     com.autoretail.orchestrator.planning.semantic.IntentMatcherMeasurement [threshold]
 * </pre>
 */
public final class IntentMatcherMeasurement {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int TIMED_ROUNDS = 10;

    private IntentMatcherMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        ServiceCatalog catalog = Catalogs.all();
        Corpus corpus = Corpus.load(planningFolder());
        System.gc();
        long rssBefore = rssKb();
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        SentenceEncoder encoder = SentenceEncoder.miniLm();
        encoder.load();
        long loaded = System.nanoTime();
        long rssLoaded = rssKb();
        IntentMatcher matcher = new IntentMatcher(encoder, ExampleUtterances.fromClassPath(),
                Double.parseDouble(args.length > 0 ? args[0] : "0.5"), IntentMatcher.TOP_K);
        matcher.warmUp();
        long warmedUp = System.nanoTime();
        System.gc();
        ExampleUtterances examples = ExampleUtterances.fromClassPath();
        int lines = examples.all().size();
        System.out.printf(Locale.ROOT, "model load %d ms; %d example files, %d utterances embedded in %d ms%n",
                (loaded - start) / 1_000_000, examples.operations().size(), lines, (warmedUp - loaded) / 1_000_000);
        System.out.printf(Locale.ROOT, "RSS %d MB -> %d MB after the load -> %d MB after the examples (+%d MB); "
                        + "heap used +%d MB%n", rssBefore / 1024, rssLoaded / 1024, rssKb() / 1024,
                (rssKb() - rssBefore) / 1024, (usedHeap() - heapBefore) / (1024 * 1024));
        for (int k = 1; k <= 3; k++) {
            IntentMatcher topK = new IntentMatcher(SentenceEncoder.miniLm(), ExampleUtterances.fromClassPath(),
                    matcher.threshold(), k);
            report("development, top-" + k + " mean", topK, corpus.development(), catalog, k == 1);
            report("held-out, top-" + k + " mean", topK, corpus.heldOut(), catalog, false);
        }
        for (int k = 1; k <= 2; k++) {
            leaveSelfOut(corpus.development(), catalog, k, matcher.threshold());
        }
        latency(matcher, corpus.development(), catalog);
        System.out.printf(Locale.ROOT, "RSS at the end %d MB%n", rssKb() / 1024);
    }

    private static void report(String part, IntentMatcher matcher, List<CorpusCase> cases, ServiceCatalog catalog,
                               boolean misses) {
        int single = 0;
        int top1 = 0;
        int top3 = 0;
        List<Double> right = new ArrayList<>();
        List<Double> noPlan = new ArrayList<>();
        for (CorpusCase c : cases) {
            List<IntentMatch> ranked = matcher.rank(c.request(), catalog);
            if (c.noPlan() && c.tags().stream().anyMatch(t -> t.equals("small-talk") || t.equals("out-of-scope"))) {
                noPlan.add(ranked.getFirst().score());
                if (misses) {
                    System.out.printf(Locale.ROOT, "   nothing to plan: %-45s -> %s %.3f%n", c.request(),
                            ranked.getFirst().qualifiedName(), ranked.getFirst().score());
                }
            }
            if (c.expect().size() != 1) {
                continue;
            }
            single++;
            String wanted = c.expect().getFirst().op();
            if (ranked.getFirst().qualifiedName().equals(wanted)) {
                top1++;
                right.add(ranked.getFirst().score());
            } else if (misses) {
                System.out.printf(Locale.ROOT, "   miss: %-60s -> %s %.3f (%s) wanted %s%n", c.request(),
                        ranked.getFirst().qualifiedName(), ranked.getFirst().score(),
                        ranked.getFirst().closestExample(), wanted);
            }
            if (ranked.stream().limit(3).anyMatch(m -> m.qualifiedName().equals(wanted))) {
                top3++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d single-intent, top-1 %d (%.1f %%), top-3 %d (%.1f %%); "
                        + "right top-1 scores min %.3f p10 %.3f; small talk/out of scope best %s%n", part, single,
                top1, 100.0 * top1 / single, top3, 100.0 * top3 / single, right.stream().mapToDouble(d -> d).min()
                        .orElse(0), percentile(right, 10), noPlan.stream().map(d -> String.format(Locale.ROOT,
                        "%.3f", d)).sorted().toList());
    }

    /**
     * The development part scored without the example lines that were drawn from the case itself (equal once masked
     * and stripped of punctuation): an estimate of how the matcher does on wordings it has not seen, without
     * looking at the held-out part.
     */
    private static void leaveSelfOut(List<CorpusCase> cases, ServiceCatalog catalog, int topK,
                                     double threshold) {
        CachingModel model = new CachingModel(new AllMiniLmL6V2QuantizedEmbeddingModel());
        ExampleUtterances all = ExampleUtterances.fromClassPath();
        int single = 0;
        int top1 = 0;
        int top3 = 0;
        int removed = 0;
        int under = 0;
        for (CorpusCase c : cases) {
            if (c.expect().size() != 1) {
                continue;
            }
            single++;
            String self = stripped(c.request());
            Map<String, List<String>> kept = new LinkedHashMap<>();
            for (String op : all.operations()) {
                int dot = op.indexOf('.');
                List<String> lines = all.of(op.substring(0, dot), op.substring(dot + 1));
                List<String> others = lines.stream().filter(line -> !stripped(line).equals(self)).toList();
                removed += lines.size() - others.size();
                kept.put(op, others);
            }
            IntentMatcher matcher = new IntentMatcher(new SentenceEncoder(() -> model), new ExampleUtterances(kept),
                    0, topK);
            List<IntentMatch> ranked = matcher.rank(c.request(), catalog);
            String wanted = c.expect().getFirst().op();
            top1 += ranked.getFirst().qualifiedName().equals(wanted) ? 1 : 0;
            under += ranked.getFirst().qualifiedName().equals(wanted) && ranked.getFirst().score() < threshold ? 1 : 0;
            if (topK == 1 && !ranked.getFirst().qualifiedName().equals(wanted)) {
                System.out.printf(Locale.ROOT, "   unseen miss: %-60s -> %s %.3f (%s) wanted %s%n", c.request(),
                        ranked.getFirst().qualifiedName(), ranked.getFirst().score(),
                        ranked.getFirst().closestExample(), wanted);
            }
            top3 += ranked.stream().limit(3).anyMatch(m -> m.qualifiedName().equals(wanted)) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "development leaving its own lines out (%d removed), top-%d mean: top-1 %d/%d "
                + "(%.1f %%), top-3 %d (%.1f %%); right but under the threshold %d%n", removed, topK, top1, single,
                100.0 * top1 / single, top3, 100.0 * top3 / single, under);
    }

    private static String stripped(String text) {
        return ClauseMask.mask(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z<>]+", " ").strip();
    }

    /** The model with each text's embedding kept, so that a matcher per case embeds nothing twice. */
    private record CachingModel(EmbeddingModel delegate, Map<String, Embedding> memo) implements EmbeddingModel {

        CachingModel(EmbeddingModel delegate) {
            this(delegate, new HashMap<>());
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(segment -> memo.computeIfAbsent(segment.text(),
                    text -> delegate.embedAll(List.of(segment)).content().getFirst())).toList());
        }
    }

    private static void latency(IntentMatcher matcher, List<CorpusCase> cases, ServiceCatalog catalog) {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            cases.forEach(c -> matcher.rank(c.request(), catalog));
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < TIMED_ROUNDS; i++) {
            for (CorpusCase c : cases) {
                long t = System.nanoTime();
                matcher.rank(c.request(), catalog);
                millis.add((System.nanoTime() - t) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "latency per clause over %d calls: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                millis.size(), percentile(millis, 50), percentile(millis, 99),
                millis.stream().mapToDouble(d -> d).max().orElse(0));
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        double[] sorted = values.stream().mapToDouble(d -> d).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path planningFolder() throws URISyntaxException {
        return Path.of(IntentMatcherMeasurement.class.getResource("/planning/capabilities.json").toURI()).getParent();
    }
}
