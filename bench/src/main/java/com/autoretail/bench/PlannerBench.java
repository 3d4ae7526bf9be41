package com.autoretail.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Runs {@link PlannerBenchmark} with JMH: one fork, throughput for plans/s, sample time for the percentiles. */
final class PlannerBench {

    static final String COMMAND = "./fleet bench planner";
    private static final double TARGET_P99_MS = 1.0;

    private PlannerBench() {
    }

    /** @param log where JMH's own report goes */
    static Result run(Path corpus, Path log) throws Exception {
        String folder = corpus.toAbsolutePath().toString();
        Options options = new OptionsBuilder()
                .include(PlannerBenchmark.class.getName() + ".plan")
                .param("corpus", folder)
                .mode(Mode.Throughput).mode(Mode.SampleTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .forks(1).threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx256m")
                .shouldFailOnError(true)
                .output(log.toAbsolutePath().toString())
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        double plansPerSecond = 0;
        double p50 = 0;
        double p99 = 0;
        double p999 = 0;
        for (RunResult run : runs) {
            if (run.getParams().getMode() == Mode.Throughput) {
                plansPerSecond = run.getPrimaryResult().getScore() * 1e6;   // ops/µs
            } else {
                var statistics = run.getPrimaryResult().getStatistics();
                p50 = statistics.getPercentile(50) / 1000;
                p99 = statistics.getPercentile(99) / 1000;
                p999 = statistics.getPercentile(99.9) / 1000;
            }
        }
        int requests = PlannerBenchmark.corpusSize(folder);
        List<String> details = List.of(
                String.format(Locale.ROOT, "JMH, `PlanningService` without an LLM (the rule planner, then the "
                        + "validator against the agents' JSON schemas), one thread, 1 fork, 3 × 2 s warm-up, 5 × 2 s "
                        + "measured; each call plans the next of the %d requests of "
                        + "`orchestrator-service/src/test/resources/planning/rule-cases.json` against "
                        + "`capabilities.json`", requests),
                String.format(Locale.ROOT, "**%.0f plans/s**; latency p50 %.3f ms, **p99 %.3f ms**, p99.9 %.3f ms",
                        plansPerSecond, p50, p99, p999));
        return new Result("4", "Rule planner: p99 of one plan (in-process, JMH)",
                String.format(Locale.ROOT, "%.3f ms (%.0f plans/s)", p99, plansPerSecond), "≤ 1 ms",
                p99 <= TARGET_P99_MS, COMMAND, details, Instant.now().toString());
    }
}
