package com.autoretail.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * 1. Parallel plan efficiency: the 4-step plan through {@code /execute-plan}, every agent operation slowed by the
 * fleet's {@code agent.simulated-latency}, one client at a time. Each workflow's wall time (as the client sees it)
 * is divided by its critical path, the longest dependency chain of its steps' own {@code execution_time}: a
 * perfectly parallel executor scores 1.0, one that runs a step at a time about 2.0.
 */
final class ParallelBenchmark {

    static final String COMMAND = "./fleet bench parallel";
    private static final double TARGET = 1.10;

    private ParallelBenchmark() {
    }

    static Result run(FleetHttp http, String orchestrator, Duration latency, Duration warmup, Duration duration)
            throws Exception {
        BenchPlan plan = new BenchPlan(http.mapper());
        List<double[]> samples = Collections.synchronizedList(new ArrayList<>());
        double[] shortestStep = {Double.MAX_VALUE};
        LoadResult load = LoadGenerator.run(new LoadGenerator.Spec("1. parallel plan", 1, warmup, duration),
                measured -> {
                    Optional<BenchPlan.Run> run = plan.run(http, orchestrator);
                    if (run.isPresent() && measured) {
                        Map<String, Double> steps = run.get().stepSeconds();
                        steps.values().forEach(s -> shortestStep[0] = Math.min(shortestStep[0], s));
                        samples.add(new double[]{run.get().wallSeconds(),
                                plan.criticalPath(step -> steps.get(step.id())),
                                plan.sequential(step -> steps.get(step.id()))});
                    }
                    return run.isPresent();
                });
        System.out.println("bench: " + load.summary());
        if (samples.isEmpty()) {
            throw new IllegalStateException("no workflow completed: is the fleet up (./fleet status)?");
        }
        if (shortestStep[0] < latency.toMillis() / 1000.0) {
            throw new IllegalStateException("a step took " + shortestStep[0] + " s, less than the simulated latency "
                    + latency + ": start the fleet with AGENT_SIMULATED_LATENCY (./fleet bench parallel does)");
        }
        double[] ratios = samples.stream().mapToDouble(s -> s[0] / s[1]).sorted().toArray();
        double[] sequential = samples.stream().mapToDouble(s -> s[2] / s[1]).sorted().toArray();
        double[] walls = samples.stream().mapToDouble(s -> s[0] * 1000).sorted().toArray();
        double[] paths = samples.stream().mapToDouble(s -> s[1] * 1000).sorted().toArray();
        double p50 = LoadResult.percentile(ratios, 50);
        List<String> details = List.of(
                String.format(Locale.ROOT, "%d workflows of the 4-step plan, one client, %d ms added to every "
                        + "agent operation (`AGENT_SIMULATED_LATENCY=%dms`), %.0f s after a %.0f s warm-up, %d errors",
                        samples.size(), latency.toMillis(), latency.toMillis(), load.seconds(),
                        (double) warmup.toSeconds(), load.errors()),
                String.format(Locale.ROOT, "wall time ÷ critical path: p50 **%.3f**, p90 %.3f, max %.3f",
                        p50, LoadResult.percentile(ratios, 90), ratios[ratios.length - 1]),
                String.format(Locale.ROOT, "wall time (client): p50 %.1f ms; critical path (2 steps, from the "
                        + "response's step `execution_time`): p50 %.1f ms", LoadResult.percentile(walls, 50),
                        LoadResult.percentile(paths, 50)),
                String.format(Locale.ROOT, "a one-step-at-a-time executor would score the sum of the steps ÷ the "
                        + "critical path: p50 %.3f on the same workflows", LoadResult.percentile(sequential, 50)),
                String.format(Locale.ROOT, "shortest step %.1f ms (at least the added %d ms, as it must be)",
                        shortestStep[0] * 1000, latency.toMillis()));
        return new Result("1", "Parallel plan efficiency (wall ÷ critical path, p50)",
                String.format(Locale.ROOT, "%.3f", p50), "≤ 1.10", p50 <= TARGET, COMMAND, details,
                Instant.now().toString());
    }
}
