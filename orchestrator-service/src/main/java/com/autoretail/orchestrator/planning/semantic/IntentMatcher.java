package com.autoretail.orchestrator.planning.semantic;

import com.autoretail.common.wire.Capabilities;
import com.autoretail.common.wire.OperationSpec;
import com.autoretail.orchestrator.planning.rules.Meaning;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ranks the operations of the healthy services by how close one clause of a request is to them in meaning: the
 * cosine of the clause's sentence embedding and its examples' (the best {@link #TOP_K}, averaged), ids, amounts and
 * emails masked on both sides. An operation without example utterances, such as one an MCP server added at run
 * time, is matched through its name and description from the catalog. The matcher plans nothing and never decides
 * alone: its caller combines the ranking with the rules, and treats a best score under {@link #threshold()} as
 * "not understood". Without a model (switched off, or failed to load) it answers an empty ranking.
 */
public final class IntentMatcher {

    private static final Logger log = LoggerFactory.getLogger(IntentMatcher.class);

    /**
     * How many of an operation's best-scoring examples are averaged: the closest alone ranked best on the development
     * corpus with each request's own example lines left out (78.7 % top-1, against 76.6 % for two), and keeps an
     * operation with few examples, or only a description, on par with one with many.
     */
    static final int TOP_K = 1;

    private final SentenceEncoder encoder;
    private final ExampleUtterances examples;
    private final double threshold;
    private final int topK;
    /** The vectors of each operation's examples or description, by {@code service.operation}; computed once. */
    private final Map<String, Anchors> anchors = new ConcurrentHashMap<>();

    IntentMatcher(SentenceEncoder encoder, ExampleUtterances examples, double threshold, int topK) {
        this.encoder = encoder;
        this.examples = examples;
        this.threshold = threshold;
        this.topK = topK;
    }

    /** The matcher on all-MiniLM-L6-v2 with the example utterances on the class path; the model loads on first use. */
    public static IntentMatcher miniLm(double threshold) {
        return new IntentMatcher(SentenceEncoder.miniLm(), ExampleUtterances.fromClassPath(), threshold, TOP_K);
    }

    /** A matcher that answers nothing, for a planner with the matcher switched off. */
    public static IntentMatcher disabled() {
        return new IntentMatcher(SentenceEncoder.none(), new ExampleUtterances(Map.of()), 1.0, TOP_K);
    }

    /** The score under which a clause's best match is not trusted. */
    public double threshold() {
        return threshold;
    }

    /** Every operation of the catalog, the closest first; empty without a model. */
    public List<IntentMatch> rank(String clause, ServiceCatalog catalog) {
        Optional<float[]> vector = encoder.encode(ClauseMask.mask(clause));
        if (vector.isEmpty()) {
            return List.of();
        }
        List<IntentMatch> ranked = new ArrayList<>();
        catalog.services().forEach((service, capabilities) -> operationsOf(capabilities).forEach(operation ->
                anchorsOf(service, operation).map(a -> a.match(service, operation.name(), vector.get(), topK))
                        .ifPresent(ranked::add)));
        ranked.sort(Comparator.comparingDouble(IntentMatch::score).reversed());
        return ranked;
    }

    /** The operations that score at or above the threshold, the closest first. */
    public List<IntentMatch> confident(String clause, ServiceCatalog catalog) {
        return rank(clause, catalog).stream().takeWhile(match -> match.score() >= threshold).toList();
    }

    /** This matcher as the rule planner's {@link Meaning}: the operations it is confident of, the closest first. */
    public Meaning meaning() {
        return (clause, catalog) -> confident(clause, catalog).stream()
                .map(match -> new Meaning.Proposal(match.qualifiedName(), match.score())).toList();
    }

    /**
     * Loads the model and embeds every example file now rather than on the first request; whether the model is
     * there.
     */
    public boolean warmUp() {
        if (!encoder.load()) {
            return false;
        }
        long start = System.nanoTime();
        examples.operations().forEach(qualified -> {
            int dot = qualified.indexOf('.');
            String service = qualified.substring(0, dot);
            String operation = qualified.substring(dot + 1);
            anchors.computeIfAbsent(qualified, key -> embed(examples.of(service, operation), key).orElse(null));
        });
        log.info("Intent matcher ready: {} example utterances of {} operations embedded in {} ms",
                anchors.values().stream().mapToInt(a -> a.texts().size()).sum(), anchors.size(),
                (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    private static List<OperationSpec> operationsOf(Capabilities capabilities) {
        return capabilities == null || capabilities.operations() == null ? List.of() : capabilities.operations();
    }

    private Optional<Anchors> anchorsOf(String service, OperationSpec operation) {
        String qualified = ExampleUtterances.key(service, operation.name());
        List<String> texts = examples.of(service, operation.name());
        if (texts.isEmpty()) {
            texts = described(operation);
        }
        Anchors known = anchors.get(qualified);
        if (known != null && known.texts().equals(texts)) {
            return Optional.of(known);
        }
        // a description that changed (a new MCP server version) is embedded again; the map stays one entry per op
        Optional<Anchors> embedded = embed(texts, qualified);
        embedded.ifPresent(a -> anchors.put(qualified, a));
        return embedded;
    }

    /** An operation known only from the catalog: its name as words and its description, each as one example. */
    private static List<String> described(OperationSpec operation) {
        List<String> texts = new ArrayList<>();
        texts.add(operation.name().replace('_', ' ').toLowerCase(Locale.ROOT));
        if (operation.description() != null && !operation.description().isBlank()) {
            texts.add(operation.description().strip());
        }
        return texts;
    }

    private Optional<Anchors> embed(List<String> texts, String qualified) {
        if (texts.isEmpty()) {
            return Optional.empty();
        }
        return encoder.encodeAll(texts.stream().map(ClauseMask::mask).toList())
                .map(vectors -> new Anchors(qualified, texts, vectors.toArray(float[][]::new)));
    }
}
