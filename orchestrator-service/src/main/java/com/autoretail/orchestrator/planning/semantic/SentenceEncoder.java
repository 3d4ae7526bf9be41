package com.autoretail.orchestrator.planning.semantic;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sentence-embedding model, loaded once on first use and shared. Loading reads the ONNX model and the tokenizer
 * out of the jar and unpacks two native libraries (ONNX Runtime into the temp directory, the tokenizer into
 * {@code ~/.djl.ai}); when any of that fails the encoder stays without a model for good, says so once in the log,
 * and encodes nothing, so that the rule planner plans as it did before the matcher existed.
 */
final class SentenceEncoder {

    private static final Logger log = LoggerFactory.getLogger(SentenceEncoder.class);

    private final Supplier<EmbeddingModel> loader;
    private volatile Optional<EmbeddingModel> model;

    /** all-MiniLM-L6-v2, quantized: 384 dimensions, about 23 MB of ONNX inside the jar. */
    static SentenceEncoder miniLm() {
        return new SentenceEncoder(AllMiniLmL6V2QuantizedEmbeddingModel::new);
    }

    SentenceEncoder(Supplier<EmbeddingModel> loader) {
        this.loader = loader;
    }

    /** An encoder without a model: the matcher switched off. */
    static SentenceEncoder none() {
        SentenceEncoder none = new SentenceEncoder(() -> null);
        none.model = Optional.empty();
        return none;
    }

    /** The unit vectors of several texts, in their order (the model spreads them over the cores). */
    Optional<List<float[]>> encodeAll(List<String> texts) {
        return model().map(m -> m.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(embedding -> normalized(embedding.vector())).toList());
    }

    /** The unit vector of a text, or empty when the model could not be loaded. */
    Optional<float[]> encode(String text) {
        return model().map(m -> normalized(m.embed(text).content().vector()));
    }

    /** Loads the model now, if it is not loaded yet; whether it is there. */
    boolean load() {
        return model().isPresent();
    }

    private Optional<EmbeddingModel> model() {
        Optional<EmbeddingModel> loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = tryLoad();
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    private Optional<EmbeddingModel> tryLoad() {
        long start = System.nanoTime();
        try {
            EmbeddingModel loaded = loader.get();
            log.info("Sentence-embedding model loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            return Optional.of(loaded);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a native library that does not load (another CPU, a read-only home) fails class init
            log.warn("Sentence-embedding model not loaded, intents are matched by the rules alone: {}", e.toString());
            return Optional.empty();
        }
    }

    private static float[] normalized(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
