package com.autoretail.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * 2. Orchestration overhead: the 4-step plan with no added latency by many clients, then by one, then
 * {@code GET /health} of one agent by many, in the same run. The agents' own time per operation comes from their
 * {@code agent_operation_seconds} timers over each measured window; what the orchestration adds per step is its
 * latency less the agents' own time on the critical path, divided by the plan's steps.
 */
final class OverheadBenchmark {

    static final String COMMAND = "./fleet bench overhead";
    private static final double TARGET_MS_PER_STEP = 2.0;
    private static final double TARGET_SHARE = 0.5;
    private static final Duration UNLOADED_WARMUP = Duration.ofSeconds(5);
    private static final Duration UNLOADED_DURATION = Duration.ofSeconds(15);

    /** One load of the plan: what the client saw, the agents' own critical path, the time outside the steps. */
    private record Measured(LoadResult load, Map<String, Double> ownSeconds, double agentPathMs, double outsideP50Ms,
                            int steps, String cpu) {
        double addedPerStep(double latencyMs) {
            return (latencyMs - agentPathMs) / steps;
        }
    }

    private OverheadBenchmark() {
    }

    /**
     * @param agents    each service key of the plan → its agent's URL
     * @param healthUrl the {@code /health} measured as the machine's HTTP ceiling
     */
    static List<Result> run(FleetHttp http, String orchestrator, Map<String, String> agents, String healthUrl,
                            int clients, Duration warmup, Duration duration, ProcessCpu cpu) throws Exception {
        BenchPlan plan = new BenchPlan(http.mapper());
        int mcpSteps = mcpBackedSteps(http, plan, agents);
        int hops = 1 + plan.steps().size() + mcpSteps;
        Measured loaded = measure(http, plan, orchestrator, agents, clients, warmup, duration, cpu);
        Measured unloaded = measure(http, plan, orchestrator, agents, 1, UNLOADED_WARMUP, UNLOADED_DURATION, cpu);
        CpuWindow healthCpu = new CpuWindow(cpu);
        LoadResult health = LoadGenerator.run(new LoadGenerator.Spec("2. GET " + healthUrl, clients,
                Duration.ofSeconds(5), duration), measured -> http.get(healthUrl).ok(), healthCpu);
        System.out.println("bench: " + health.summary());
        String healthCpuLine = healthCpu.perUnit(health.calls());

        LoadResult load = loaded.load();
        int steps = loaded.steps();
        double perStepP50 = loaded.addedPerStep(load.p50());
        double share = load.perSecond() * hops / health.perSecond();
        String at = Instant.now().toString();
        List<String> details = List.of(
                String.format(Locale.ROOT, "%d clients, %.0f s after a %d s warm-up: **%.1f orchestrations/s**, "
                        + "latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, %d errors", clients, load.seconds(),
                        warmup.toSeconds(), load.perSecond(), load.p50(), load.p90(), load.p99(), load.errors()),
                String.format(Locale.ROOT, "the agents' own time per operation in that window (their "
                        + "`agent_operation_seconds`): %s; on the critical path: %.2f ms", ownTimes(loaded),
                        loaded.agentPathMs()),
                String.format(Locale.ROOT, "added per step: (p50 %.2f − %.2f) ÷ %d steps = **%.2f ms** (p90: %.2f ms)",
                        load.p50(), loaded.agentPathMs(), steps, perStepP50, loaded.addedPerStep(load.p90())),
                String.format(Locale.ROOT, "of which outside the steps (client latency − the critical path of the "
                        + "steps as the orchestrator timed them: reading and validating the plan, bookkeeping, the "
                        + "summary, the response): p50 %.2f ms", loaded.outsideP50Ms()),
                String.format(Locale.ROOT, "the same plan by 1 client (no queueing for the 2 cores), %.0f s: %.1f "
                        + "orchestrations/s, latency p50 %.2f ms; agents' own critical path %.2f ms; added per step "
                        + "**%.2f ms** at p50; outside the steps %.2f ms", unloaded.load().seconds(),
                        unloaded.load().perSecond(), unloaded.load().p50(), unloaded.agentPathMs(),
                        unloaded.addedPerStep(unloaded.load().p50()), unloaded.outsideP50Ms()),
                String.format(Locale.ROOT, "CPU per orchestration in the %d-client window (user + system time of "
                        + "each process from `/proc`, ÷ orchestrations): %s", clients,
                        loaded.cpu() == null ? "not measured" : loaded.cpu()),
                String.format(Locale.ROOT, "`GET %s` by %d clients in the same run: **%.0f requests/s**, p50 %.2f ms; "
                        + "CPU per request: %s", healthUrl, clients, health.perSecond(), health.p50(),
                        healthCpuLine == null ? "not measured" : healthCpuLine),
                String.format(Locale.ROOT, "HTTP hops per orchestration: %d (1 to the orchestrator, %d to agents, %d "
                        + "from agents to their MCP servers); %.1f × %d = %.0f requests/s = **%.0f %%** of `/health`",
                        hops, steps, mcpSteps, load.perSecond(), hops, load.perSecond() * hops, share * 100));
        return List.of(
                new Result("2a", "Orchestration overhead: added time per step (p50, " + clients + " clients)",
                        String.format(Locale.ROOT, "%.2f ms (1 client: %.2f ms)", perStepP50,
                                unloaded.addedPerStep(unloaded.load().p50())), "≤ 2 ms",
                        perStepP50 <= TARGET_MS_PER_STEP, COMMAND, details, at),
                new Result("2b", "Orchestration throughput: orchestrations/s × hops ÷ `/health` requests/s",
                        String.format(Locale.ROOT, "%.0f %%", share * 100), "≥ 50 %", share >= TARGET_SHARE,
                        COMMAND, List.of("see 2a"), at));
    }

    private static Measured measure(FleetHttp http, BenchPlan plan, String orchestrator, Map<String, String> agents,
                                    int clients, Duration warmup, Duration duration, ProcessCpu cpu)
            throws Exception {
        CpuWindow window = new CpuWindow(cpu);
        Map<String, String> serviceOf = plan.services();
        List<Double> outside = Collections.synchronizedList(new ArrayList<>());
        Map<String, Map<String, double[]>> before = new HashMap<>();
        Map<String, Map<String, double[]>> after = new HashMap<>();
        LoadResult load = LoadGenerator.run(new LoadGenerator.Spec("2. orchestration", clients, warmup, duration),
                measured -> {
                    Optional<BenchPlan.Run> run = plan.run(http, orchestrator);
                    if (run.isPresent() && measured) {
                        Map<String, Double> steps = run.get().stepSeconds();
                        outside.add((run.get().wallSeconds() - plan.criticalPath(step -> steps.get(step.id()))) * 1000);
                    }
                    return run.isPresent();
                }, new LoadGenerator.WindowHooks() {
                    @Override
                    public void opened() throws Exception {
                        for (String url : agents.values()) {
                            before.put(url, http.operationTimes(url));
                        }
                        window.opened();
                    }

                    @Override
                    public void closed() throws Exception {
                        window.closed();
                        for (String url : agents.values()) {
                            after.put(url, http.operationTimes(url));
                        }
                    }
                });
        System.out.println("bench: " + load.summary());
        Map<String, Double> own = new HashMap<>();
        for (BenchPlan.Step step : plan.steps()) {
            String url = agents.get(serviceOf.get(step.id()));
            double[] end = after.get(url).get(step.operation());
            double[] begin = before.get(url).getOrDefault(step.operation(), new double[2]);
            own.put(step.id(), (end[0] - begin[0]) / (end[1] - begin[1]));
        }
        double[] outsideSorted = outside.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Measured(load, own, plan.criticalPath(step -> own.get(step.id())) * 1000,
                LoadResult.percentile(outsideSorted, 50), plan.steps().size(), window.perUnit(load.calls()));
    }

    private static int mcpBackedSteps(FleetHttp http, BenchPlan plan, Map<String, String> agents) throws Exception {
        Map<String, String> serviceOf = plan.services();
        int count = 0;
        for (BenchPlan.Step step : plan.steps()) {
            JsonNode capabilities = http.json(http.get(agents.get(serviceOf.get(step.id())) + "/capabilities"));
            for (JsonNode operation : capabilities.path("operations")) {
                if (operation.path("name").asText().equals(step.operation())
                        && operation.path("source").asText().equals("mcp")) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String ownTimes(Measured measured) {
        List<String> parts = new ArrayList<>();
        measured.ownSeconds().forEach((step, seconds) ->
                parts.add(String.format(Locale.ROOT, "%s %.2f ms", step, seconds * 1000)));
        Collections.sort(parts);
        return String.join(", ", parts);
    }

    /** The processes' CPU time over a measured window: read when it opens and when it closes. */
    private static final class CpuWindow implements LoadGenerator.WindowHooks {
        private final ProcessCpu cpu;
        private Map<String, Double> start = Map.of();
        private Map<String, Double> end = Map.of();

        CpuWindow(ProcessCpu cpu) {
            this.cpu = cpu;
        }

        @Override
        public void opened() {
            start = cpu.seconds();
        }

        @Override
        public void closed() {
            end = cpu.seconds();
        }

        /** CPU per unit of work done in the window, by process; null when nothing was measured. */
        String perUnit(long units) {
            return ProcessCpu.perUnit(start, end, units);
        }
    }
}
