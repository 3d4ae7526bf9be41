package com.autoretail.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes {@code docs/BENCHMARKS.md}: the machine, the speed targets and every figure (each beside its value before
 * the speed work), their details, how each is measured, and what was changed with its evidence ({@code
 * bench/notes/*.md}, in name order).
 */
final class ReportWriter {

    /** The target of a figure that is reported, not held to anything. */
    static final String NO_TARGET = "—";
    static final String CHANGES_HEADING = "## What was changed, and the evidence";

    private ReportWriter() {
    }

    static void write(Path out, List<Result> results, String command, long tookSeconds, String jvmOptions,
                      String loadAverage, Targets.Baseline baseline, Path notes) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("""
                What the orchestrator adds on top of the work, measured on the real fleet (`./fleet up`, nine JVMs on \
                loopback) by a load generator of our own (JDK `HttpClient` on virtual threads, closed loop, a warm-up, \
                then a fixed window) and, for the rule planner, by JMH. This machine is shared and noisy, so absolute \
                numbers drift from run to run: the figures are **ratios of things measured side by side in the same \
                run**. Every figure comes with the command that measures it again.

                """);
        md.append("| | |\n| --- | --- |\n");
        md.append("| date | ").append(LocalDate.now(ZoneOffset.UTC)).append(" |\n");
        md.append("| machine | ").append(machine()).append(" |\n");
        if (!loadAverage.isBlank()) {
            md.append("| load average when the run began | ").append(loadAverage)
                    .append(" (1, 5, 15 min; 2 would mean both cores busy before the benchmarks added any load) |\n");
        }
        md.append("| JDK | ").append(System.getProperty("java.vm.vendor")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n");
        md.append("| fleet JVMs | `").append(jvmOptions).append("` each |\n");
        md.append("| this report | written by `").append(command).append("`, which took ").append(minutes(tookSeconds))
                .append("; each figure below says when it was measured |\n");
        md.append("| stores | the fleet's orchestrator journals its workflows to Redis and the agents keep their ")
                .append("idempotency records there (`REDIS_URL`, keys under `fleet-bench:`, deleted afterwards), as ")
                .append("in production; the inventory of 3a is the memory store, that of 3b the Redis one |\n");
        md.append("| commands | `./fleet bench` runs all seven (about 30 minutes); one alone: `./fleet bench start`, ")
                .append("`planner`, `overhead`, `peer`, `holds`, `parallel` or `durability` |\n\n");
        Map<String, Result> byId = new LinkedHashMap<>();
        results.forEach(result -> byId.put(result.id(), result));
        md.append("## Targets\n\n");
        if (!baseline.about().isBlank()) {
            md.append("Before: ").append(baseline.about()).append(". After: this report's figures, whose ids are in ")
                    .append("brackets.\n\n");
        }
        md.append("| target | | before | after | met |\n| --- | --- | --- | --- | --- |\n");
        for (Targets.Row row : Targets.rows(byId, baseline)) {
            md.append("| ").append(row.what()).append(" | ").append(row.target()).append(" | ")
                    .append(orDash(row.before())).append(" | ").append(row.after()).append(" | ")
                    .append(row.met() == null ? NO_TARGET : row.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n## Figures\n\n| # | benchmark | before | figure | target | met |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (Result result : results) {
            md.append("| ").append(result.id()).append(" | ").append(result.title()).append(" | ")
                    .append(orDash(baseline.figure(result.id()))).append(" | ")
                    .append(result.figure()).append(" | ").append(result.target()).append(" | ")
                    .append(NO_TARGET.equals(result.target()) ? NO_TARGET : result.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        for (Result result : results) {
            if (result.details().size() == 1 && result.details().getFirst().startsWith("see ")) {
                continue;   // its details are another figure's
            }
            md.append("\n### ").append(result.id()).append(". ").append(result.title()).append("\n\n");
            for (String line : result.details()) {
                md.append("- ").append(line).append('\n');
            }
            md.append("- measured ").append(result.at()).append("; again alone: `").append(result.command())
                    .append("`\n");
        }
        md.append('\n').append(notes());
        md.append(changes(notes));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println("bench: wrote " + out);
    }

    private static String machine() throws IOException {
        String cpu = firstMatch(Path.of("/proc/cpuinfo"), "model name\\s*:\\s*(.+)");
        String memKib = firstMatch(Path.of("/proc/meminfo"), "MemTotal:\\s*(\\d+) kB");
        String memory = memKib == null ? "?" : String.format(Locale.ROOT, "%.0f GiB",
                Long.parseLong(memKib) / 1024.0 / 1024.0);
        return Runtime.getRuntime().availableProcessors() + " cores (nproc)" + (cpu == null ? "" : ", " + cpu.trim())
                + ", " + memory + " memory, " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + "; shared with other work while measured";
    }

    private static String firstMatch(Path file, String regex) throws IOException {
        if (!Files.isReadable(file)) {
            return null;
        }
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(Files.readString(file));
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String minutes(long seconds) {
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? NO_TARGET : value;
    }

    /** Every {@code *.md} of {@code dir}, in name order, under one heading; nothing when there is none. */
    static String changes(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(file -> file.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        if (files.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n").append(CHANGES_HEADING).append("\n");
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            md.append('\n').append(text).append('\n');
        }
        return md.toString();
    }

    private static String notes() throws IOException {
        try (InputStream notes = ReportWriter.class.getResourceAsStream("/bench/report-notes.md")) {
            return notes == null ? "" : new String(notes.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
