package com.autoretail.orchestrator.planning.corpus;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The labelled corpus: a development part, which example utterances and rules may be drawn from, and a held-out
 * part written independently (other phrasings, other ids), which nothing is tuned on.
 */
public record Corpus(List<CorpusCase> development, List<CorpusCase> heldOut) {

    /** The folder under {@code planning/} (in the test resources) that holds both parts. */
    public static final String FOLDER = "corpus";
    public static final String DEVELOPMENT_FILE = "development.json";
    public static final String HELD_OUT_FILE = "held-out.json";

    public Corpus {
        development = List.copyOf(development);
        heldOut = List.copyOf(heldOut);
    }

    /** Reads both parts from {@code <planning>/corpus/}, {@code planning} being the folder of capabilities.json. */
    public static Corpus load(Path planning) {
        Path folder = planning.resolve(FOLDER);
        return new Corpus(read(folder.resolve(DEVELOPMENT_FILE)), read(folder.resolve(HELD_OUT_FILE)));
    }

    public int size() {
        return development.size() + heldOut.size();
    }

    private static List<CorpusCase> read(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), new TypeReference<List<CorpusCase>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus file " + file, e);
        }
    }
}
