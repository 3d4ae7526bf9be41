package com.autoretail.orchestrator.planning.semantic;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The example utterances of each operation: {@code planning/examples/<service>/<operation>.txt} on the class path,
 * one utterance per line, {@code #} starting a comment line. Anyone can add a line, or a file for a new operation;
 * the folder is the service's key in plans and the file name the operation's, as in {@code /capabilities}.
 */
final class ExampleUtterances {

    static final String LOCATION = "planning/examples/";
    private static final String SUFFIX = ".txt";

    private final Map<String, List<String>> byOperation;

    ExampleUtterances(Map<String, List<String>> byOperation) {
        this.byOperation = Map.copyOf(byOperation);
    }

    /** Every example file on the class path (in this module's jar, or in any jar or folder added to it). */
    static ExampleUtterances fromClassPath() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + LOCATION + "*/*" + SUFFIX);
            Map<String, List<String>> byOperation = new LinkedHashMap<>();
            for (Resource file : files) {
                String service = serviceOf(file);
                String operation = file.getFilename().substring(0, file.getFilename().length() - SUFFIX.length());
                byOperation.merge(key(service, operation), utterances(file),
                        (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
            }
            return new ExampleUtterances(byOperation);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example utterances under " + LOCATION, e);
        }
    }

    /** The operation's examples, empty when it has no file (it is then matched by its description). */
    List<String> of(String service, String operation) {
        return byOperation.getOrDefault(key(service, operation), List.of());
    }

    /** Every utterance of every operation. */
    List<String> all() {
        return byOperation.values().stream().flatMap(List::stream).toList();
    }

    /** {@code service.operation} of every operation with examples. */
    Set<String> operations() {
        return byOperation.keySet();
    }

    static String key(String service, String operation) {
        return service + "." + operation;
    }

    static List<String> parse(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static List<String> utterances(Resource file) throws IOException {
        return parse(file.getContentAsString(StandardCharsets.UTF_8));
    }

    /** The folder the file is in: the last path segment before the file name. */
    private static String serviceOf(Resource file) throws IOException {
        String path = file.getURL().getPath();
        String folder = path.substring(0, path.lastIndexOf('/'));
        return folder.substring(folder.lastIndexOf('/') + 1);
    }
}
