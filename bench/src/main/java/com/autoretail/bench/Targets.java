package com.autoretail.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The speed targets the report holds the fleet to, each read from the latest results of the benchmarks that
 * measure it, beside its figure before the speed work (from the committed {@code bench/baseline.json}).
 */
final class Targets {

    /** The figures before: the report's table by benchmark id, and each target by its key. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Baseline(String about, Map<String, String> figures, Map<String, String> targets) {

        static final Baseline NONE = new Baseline("", Map.of(), Map.of());

        Baseline {
            figures = figures == null ? Map.of() : Map.copyOf(figures);
            targets = targets == null ? Map.of() : Map.copyOf(targets);
        }

        static Baseline read(Path file, ObjectMapper mapper) throws IOException {
            return Files.exists(file) ? mapper.readValue(file.toFile(), Baseline.class) : NONE;
        }

        String figure(String id) {
            return figures.getOrDefault(id, "");
        }
    }

    /** One target as the report shows it; {@code met} is null when this run has not measured it. */
    record Row(String key, String what, String target, String before, String after, Boolean met) {
    }

    /** How a target is read from its benchmarks' results (all present, in the order named). */
    private record Definition(String key, String what, String target, List<String> ids,
                              Function<List<Result>, String> after, Predicate<List<Result>> met) {
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final double START_SECONDS = 20;
    private static final double RSS_GIB = 2;

    private static final List<Definition> DEFINITIONS = List.of(
            new Definition("added-per-step", "Orchestrator: added time per step over the CompletableFuture floor "
                    + "(p50, 1 client)", "≤ 1 ms", List.of("7a"), Targets::figure, Targets::allMet),
            new Definition("throughput-8", "Workflows/s at 8 clients ÷ the floor's (LangGraph4j beside it)",
                    "≥ 0.87×", List.of("7b"), Targets::figure, Targets::allMet),
            new Definition("hops-share", "Orchestrations/s × hops ÷ one agent's `/health` requests/s, 32 clients",
                    "≥ 50 %", List.of("2b"), Targets::figure, Targets::allMet),
            new Definition("wall-ratio", "Wall ÷ critical path with 100 ms agents (p50; the floor and LangGraph4j "
                    + "beside it)", "≤ 1.05", List.of("7d"), Targets::figure, Targets::allMet),
            new Definition("holds", "Inventory holds ÷ `/health` requests/s, and drift", "≥ 60 %, drift 0",
                    List.of("3a", "3b"), results -> "memory " + results.get(0).figure() + "; Redis "
                    + results.get(1).figure(), Targets::allMet),
            new Definition("start", "`./fleet up` to all healthy, pre-built", "≤ 20 s", List.of("5a"),
                    Targets::figure, results -> number(results.getFirst()) <= START_SECONDS),
            new Definition("rss", "Fleet memory: summed RSS of the JVMs", "≤ 2 GiB", List.of("5b"),
                    Targets::figure, results -> number(results.getFirst()) <= RSS_GIB));

    private Targets() {
    }

    static List<Row> rows(Map<String, Result> latest, Baseline baseline) {
        List<Row> rows = new ArrayList<>();
        for (Definition definition : DEFINITIONS) {
            String before = baseline.targets().getOrDefault(definition.key(), "");
            List<Result> results = definition.ids().stream().map(latest::get).toList();
            if (results.contains(null)) {
                rows.add(new Row(definition.key(), definition.what(), definition.target(), before,
                        "not measured (" + String.join(", ", definition.ids()) + ")", null));
            } else {
                rows.add(new Row(definition.key(), definition.what(), definition.target(), before,
                        definition.after().apply(results) + " (" + String.join(", ", definition.ids()) + ")",
                        definition.met().test(results)));
            }
        }
        return rows;
    }

    private static String figure(List<Result> results) {
        return results.getFirst().figure();
    }

    private static boolean allMet(List<Result> results) {
        return results.stream().allMatch(Result::met);
    }

    /** The first number of a result's figure: its headline value (46.5 of "46.5 s", 2.00 of "2.00 GiB"). */
    static double number(Result result) {
        Matcher number = NUMBER.matcher(result.figure());
        if (!number.find()) {
            throw new IllegalArgumentException(result.id() + " has no number in its figure: " + result.figure());
        }
        return Double.parseDouble(number.group());
    }
}
