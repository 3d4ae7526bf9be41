package com.autoretail.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report: the targets with before and after, the figures with their before, the change notes in order. */
class ReportWriterTest {

    private static final String AT = "2026-12-05T04:00:00Z";

    @TempDir
    Path dir;

    @Test
    void showsEachTargetBesideItsFigureBeforeAndAfterAndWhetherItIsMet() throws IOException {
        String report = write(List.of(
                result("7a", "0.84 ms (LangGraph4j 0.41 ms)", "≤ 1 ms", true),
                result("7b", "0.80× (LangGraph4j 0.93×)", "≥ 0.87×", false),
                result("2b", "55 %", "≥ 50 %", true),
                result("5a", "21.5 s", "≤ 30 s", true),
                result("5b", "1.80 GiB", "≤ 3 GiB", true)), baseline(), Map.of());

        assertThat(row(report, "Orchestrator: added time per step over the CompletableFuture floor"))
                .contains("| ≤ 1 ms | 3.47 ms (2a, 1 client) | 0.84 ms (LangGraph4j 0.41 ms) (7a) | yes |");
        assertThat(row(report, "Workflows/s at 8 clients")).contains("| 0.80× (LangGraph4j 0.93×) (7b) | **no** |");
        assertThat(row(report, "`/health` requests/s, 32 clients")).contains("| 37 % (2b) | 55 % (2b) | yes |");
        // held to the speed targets, not to the looser targets of the figures themselves
        assertThat(row(report, "`./fleet up` to all healthy")).contains("| ≤ 20 s | 46.5 s (5a) | 21.5 s (5a) | **no** |");
        assertThat(row(report, "summed RSS")).contains("| 1.80 GiB (5b) | yes |");
        assertThat(row(report, "Wall ÷ critical path")).contains("| not measured (7d) | — |");
        assertThat(row(report, "Inventory holds")).contains("| not measured (3a, 3b) | — |");
    }

    @Test
    void showsEveryFigureBesideItsValueBeforeAndTheFiguresWithoutTargetAsReported() throws IOException {
        String report = write(List.of(result("2b", "55 %", "≥ 50 %", true),
                result("7c", "0.70× (LangGraph4j 0.90×)", ReportWriter.NO_TARGET, true)), baseline(), Map.of());

        assertThat(row(report, "| 2b |")).contains("| 37 % | 55 % | ≥ 50 % | yes |");
        assertThat(row(report, "| 7c |")).contains("| — | 0.70× (LangGraph4j 0.90×) | — | — |");
    }

    @Test
    void endsWithEveryChangeNoteInNameOrderUnderOneHeading() throws IOException {
        String report = write(List.of(result("2b", "55 %", "≥ 50 %", true)), baseline(), Map.of(
                "30-peer.md", "### The peers\n\nthird", "10-start.md", "### Start\n\nfirst",
                "20-hops.md", "### Hops\n\nsecond", "README.txt", "not a note"));

        String changes = report.substring(report.indexOf(ReportWriter.CHANGES_HEADING));
        assertThat(changes).containsSubsequence("### Start", "first", "### Hops", "second", "### The peers", "third")
                .doesNotContain("not a note");
        assertThat(report.indexOf("## How each figure is measured")).isPositive()
                .isLessThan(report.indexOf(ReportWriter.CHANGES_HEADING));
    }

    @Test
    void hasNoChangesHeadingWithoutNotes() throws IOException {
        assertThat(write(List.of(result("2b", "55 %", "≥ 50 %", true)), Targets.Baseline.NONE, Map.of()))
                .doesNotContain(ReportWriter.CHANGES_HEADING).contains("## Targets");
    }

    @Test
    void readsTheCommittedBaseline() throws IOException {
        Targets.Baseline committed = Targets.Baseline.read(Path.of("baseline.json"), new ObjectMapper());
        assertThat(committed.figures()).containsEntry("2b", "37 %").containsEntry("5a", "46.5 s")
                .containsEntry("1", "1.046");
        assertThat(committed.targets()).containsKeys("added-per-step", "throughput-8", "hops-share", "wall-ratio",
                "holds", "start", "rss");
    }

    @Test
    void keepsTheLatestResultOfEachBenchmarkAcrossPartialRuns() throws IOException {
        Results results = new Results(dir.resolve("results.jsonl"), new ObjectMapper());
        results.append(result("2b", "40 %", "≥ 50 %", false));
        results.append(result("7a", "1.20 ms (LangGraph4j 0.50 ms)", "≤ 1 ms", false));
        results.append(result("2b", "55 %", "≥ 50 %", true));   // a later ./fleet bench overhead

        String report = write(results.latest(), baseline(), Map.of());
        assertThat(row(report, "| 2b |")).contains("| 55 % |");
        assertThat(row(report, "| 7a |")).contains("| 1.20 ms (LangGraph4j 0.50 ms) |");
    }

    private String write(List<Result> results, Targets.Baseline baseline, Map<String, String> notes)
            throws IOException {
        Path notesDir = Files.createDirectories(dir.resolve("notes"));
        for (Map.Entry<String, String> note : notes.entrySet()) {
            Files.writeString(notesDir.resolve(note.getKey()), note.getValue());
        }
        Path out = dir.resolve("BENCHMARKS.md");
        ReportWriter.write(out, results, "./fleet bench", 600, "-Xmx192m", "1.00 1.00 1.00", baseline, notesDir);
        return Files.readString(out);
    }

    private static Targets.Baseline baseline() {
        return new Targets.Baseline("the figures before", Map.of("2b", "37 %", "5a", "46.5 s"),
                Map.of("added-per-step", "3.47 ms (2a, 1 client)", "hops-share", "37 % (2b)", "start", "46.5 s (5a)"));
    }

    private static Result result(String id, String figure, String target, boolean met) {
        return new Result(id, "benchmark " + id, figure, target, met, "./fleet bench", List.of("measured"), AT);
    }

    /** The report's one line that contains {@code text}. */
    private static String row(String report, String text) {
        List<String> lines = report.lines().filter(line -> line.contains(text)).toList();
        assertThat(lines).as("lines with " + text).hasSize(1);
        return lines.getFirst();
    }
}
