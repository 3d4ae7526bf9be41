package com.autoretail.bench;

import com.autoretail.bench.dag.AgentCalls;
import com.autoretail.bench.dag.DagRun;
import com.autoretail.bench.dag.DagRunner;
import com.autoretail.bench.dag.FloorDag;
import com.autoretail.bench.dag.LangGraphDag;
import com.autoretail.bench.dag.StepFailed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * 7. The orchestrator beside its peers: the plan of 1 and 2 run three ways against the same running agents in the
 * same run: by the orchestrator ({@code POST /execute-plan}), by a plain {@code CompletableFuture} DAG in this JVM
 * calling each agent's {@code /execute} as the orchestrator would (the floor), and by LangGraph4j in this JVM. The
 * three take turns in short windows, round after round, the order rotating, so that the machine's drift reaches
 * all alike; each one's figures pool its windows.
 */
final class PeerBenchmark {

    static final String COMMAND = "./fleet bench peer";
    static final String ORCHESTRATOR = "orchestrator";
    private static final double TARGET_MS_PER_STEP = 1.0;
    private static final double TARGET_THROUGHPUT = 0.87;
    private static final double TARGET_WALL_RATIO = 1.05;
    private static final int[] LOADED_CLIENTS = {8, 32};
    private static final Duration FIRST_WARMUP = Duration.ofSeconds(8);
    private static final Duration LATENCY_WARMUP = Duration.ofSeconds(4);

    /**
     * The business context the orchestrator adds to each agent call: the defaults of its {@code orchestrator.context}
     * (TENANT_ID, DEALER_ID, USER_ID), which {@code ./fleet bench} leaves as they are.
     */
    static final Map<String, Object> ORCHESTRATOR_CONTEXT = Map.of("tenant_id", "TENANT_AUTOMOTIVE_RETAIL",
            "dealer_id", "DEALER_001_AUTOMOTIVE", "user_id", "ambujmehra");

    /** How each way is measured: rounds of windows, each window after a short warm-up of its own. */
    record Windows(int rounds, Duration warmup, Duration window) {
    }

    /** One way of running the plan once: a workflow that succeeded (wall and step times), or empty. */
    private record Way(String name, Attempt attempt) {
    }

    @FunctionalInterface
    private interface Attempt {
        Optional<BenchPlan.Run> run() throws Exception;
    }

    private PeerBenchmark() {
    }

    /** 7a-7c, on a fleet without added latency: 1 client, then 8, then 32. */
    static List<Result> run(FleetHttp http, String orchestrator, Map<String, String> agents, Windows windows)
            throws Exception {
        BenchPlan plan = new BenchPlan(http.mapper());
        List<Way> ways = ways(http, plan, orchestrator, agents);
        warmUp(ways, FIRST_WARMUP);
        int steps = plan.steps().size();
        Map<String, Tally> single = measure(plan, ways, 1, windows);
        Map<String, Double> addedPerStep = new LinkedHashMap<>();
        single.forEach((name, tally) -> addedPerStep.put(name,
                (tally.p50() - single.get(FloorDag.NAME).p50()) / steps));
        Map<Integer, Map<String, Tally>> loaded = new LinkedHashMap<>();
        for (int clients : LOADED_CLIENTS) {
            loaded.put(clients, measure(plan, ways, clients, windows));
        }
        String at = Instant.now().toString();
        List<String> details = new ArrayList<>();
        details.add(method(plan, ways, windows));
        details.add("1 client: " + join(single, tally -> String.format(Locale.ROOT,
                "%s p50 %.2f ms, p99 %.2f ms (%d workflows, %d errors)", tally.name, tally.p50(), tally.p99(),
                tally.walls.size(), tally.errors)));
        details.add(String.format(Locale.ROOT, "added per step over the floor, p50 at 1 client ((p50 − floor's p50) "
                + "÷ %d steps): orchestrator **%.2f ms**, LangGraph4j **%.2f ms**", steps,
                addedPerStep.get(ORCHESTRATOR), addedPerStep.get(LangGraphDag.NAME)));
        loaded.forEach((clients, tallies) -> details.add(clients + " clients: " + join(tallies, tally ->
                String.format(Locale.ROOT, "%s **%.1f workflows/s**%s, p50 %.1f ms, %d errors", tally.name,
                        tally.perSecond(), tally.name.equals(FloorDag.NAME) ? "" : String.format(Locale.ROOT,
                                " (%.2f× the floor)", tally.perSecond() / tallies.get(FloorDag.NAME).perSecond()),
                        tally.p50(), tally.errors))));
        double[] eight = ratios(loaded.get(8));
        double[] thirtyTwo = ratios(loaded.get(32));
        double orchestratorAdded = addedPerStep.get(ORCHESTRATOR);
        return List.of(
                new Result("7a", "Peers: added time per step over the CompletableFuture floor (p50, 1 client)",
                        String.format(Locale.ROOT, "%.2f ms (LangGraph4j %.2f ms)", orchestratorAdded,
                                addedPerStep.get(LangGraphDag.NAME)), "≤ 1 ms",
                        orchestratorAdded <= TARGET_MS_PER_STEP, COMMAND, details, at),
                new Result("7b", "Peers: workflows/s at 8 clients ÷ the floor's",
                        String.format(Locale.ROOT, "%.2f× (LangGraph4j %.2f×)", eight[0], eight[1]),
                        "≥ " + TARGET_THROUGHPUT + "×", eight[0] >= TARGET_THROUGHPUT, COMMAND, List.of("see 7a"), at),
                new Result("7c", "Peers: workflows/s at 32 clients ÷ the floor's",
                        String.format(Locale.ROOT, "%.2f× (LangGraph4j %.2f×)", thirtyTwo[0], thirtyTwo[1]),
                        ReportWriter.NO_TARGET, true, COMMAND, List.of("see 7a"), at));
    }

    /** 7d, on a fleet whose agents each take {@code latency} more: wall ÷ critical path of the three, 1 client. */
    static Result runUnderLatency(FleetHttp http, String orchestrator, Map<String, String> agents, Duration latency,
                                  Windows windows) throws Exception {
        BenchPlan plan = new BenchPlan(http.mapper());
        List<Way> ways = ways(http, plan, orchestrator, agents);
        warmUp(ways, LATENCY_WARMUP);
        Map<String, Tally> tallies = measure(plan, ways, 1, windows);
        for (Tally tally : tallies.values()) {
            if (tally.ratios.isEmpty()) {
                throw new IllegalStateException(tally.name + ": no workflow completed: is the fleet up?");
            }
            if (tally.shortestStep < latency.toNanos() / 1e9) {
                throw new IllegalStateException(tally.name + ": a step took " + tally.shortestStep + " s, less "
                        + "than the simulated latency " + latency + ": start the fleet with AGENT_SIMULATED_LATENCY "
                        + "(./fleet bench peer does)");
            }
        }
        double orchestratorRatio = tallies.get(ORCHESTRATOR).ratioP50();
        List<String> details = List.of(
                method(plan, ways, windows) + String.format(Locale.ROOT, "; every agent operation %d ms slower "
                        + "(`AGENT_SIMULATED_LATENCY=%dms`), 1 client", latency.toMillis(), latency.toMillis()),
                "wall time ÷ critical path (the longest dependency chain of the steps' own times: the orchestrator's "
                        + "`execution_time` of each step, the in-JVM executors' time of each agent call), p50: "
                        + join(tallies, tally -> String.format(Locale.ROOT, "%s **%.3f** (p90 %.3f; wall p50 %.1f "
                                + "ms; %d workflows, %d errors)", tally.name, tally.ratioP50(),
                                tally.ratioPercentile(90), tally.p50(), tally.ratios.size(), tally.errors)),
                "LangGraph4j runs the plan by levels (fork-join only), so create_payment_1 also waits for "
                        + "validate_part_1: with steps of equal length that costs nothing, with unequal ones it would");
        return new Result("7d", "Peers: wall ÷ critical path with 100 ms agents (p50, 1 client)",
                String.format(Locale.ROOT, "%.3f (floor %.3f, LangGraph4j %.3f)", orchestratorRatio,
                        tallies.get(FloorDag.NAME).ratioP50(), tallies.get(LangGraphDag.NAME).ratioP50()),
                "≤ " + TARGET_WALL_RATIO, orchestratorRatio <= TARGET_WALL_RATIO, COMMAND, details,
                Instant.now().toString());
    }

    private static List<Way> ways(FleetHttp http, BenchPlan plan, String orchestrator, Map<String, String> agents)
            throws Exception {
        AgentCalls calls = new AgentCalls(agents, ORCHESTRATOR_CONTEXT, null);
        List<Way> ways = new ArrayList<>();
        ways.add(new Way(ORCHESTRATOR, () -> plan.run(http, orchestrator)));
        for (DagRunner runner : List.of(new FloorDag(plan.dagSteps(), calls),
                new LangGraphDag(plan.dagSteps(), calls))) {
            ways.add(new Way(runner.name(), () -> {
                try {
                    DagRun run = runner.run(plan.nextRequestId());
                    Map<String, Double> steps = new HashMap<>();
                    run.stepNanos().forEach((step, nanos) -> steps.put(step, nanos / 1e9));
                    return Optional.of(new BenchPlan.Run(run.wallNanos() / 1e9, steps));
                } catch (StepFailed e) {
                    return Optional.empty();
                }
            }));
        }
        return ways;
    }

    /** Each way in turn by 8 clients, unmeasured: the JIT of this JVM's and the fleet's paths, the connections. */
    private static void warmUp(List<Way> ways, Duration each) throws Exception {
        for (Way way : ways) {
            LoadGenerator.run(new LoadGenerator.Spec("7. warm-up " + way.name(), 8, each, Duration.ofSeconds(1)),
                    measured -> way.attempt().run().isPresent());
        }
    }

    /** Each way's figures at {@code clients}, over rounds of windows taken in turn, the order rotating. */
    private static Map<String, Tally> measure(BenchPlan plan, List<Way> ways, int clients, Windows windows)
            throws Exception {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        ways.forEach(way -> tallies.put(way.name(), new Tally(way.name())));
        for (int round = 0; round < windows.rounds(); round++) {
            for (int i = 0; i < ways.size(); i++) {
                Way way = ways.get((i + round) % ways.size());
                Tally tally = tallies.get(way.name());
                LoadResult load = LoadGenerator.run(new LoadGenerator.Spec("7. " + way.name(), clients,
                        windows.warmup(), windows.window()), measured -> {
                            Optional<BenchPlan.Run> run = way.attempt().run();
                            if (run.isPresent() && measured) {
                                tally.add(plan, run.get());
                            }
                            return run.isPresent();
                        });
                System.out.println("bench: " + load.summary());
                tally.add(load);
            }
        }
        return tallies;
    }

    private static String method(BenchPlan plan, List<Way> ways, Windows windows) {
        return String.format(Locale.ROOT, "the %d-step plan of 1 and 2 run %d ways against the same agents: %s; "
                + "%d rounds, each way a %d s window after a %d s warm-up per round, in turn, the order rotating; "
                + "the orchestrator journals to Redis and the agents keep their idempotency records there",
                plan.steps().size(), ways.size(), String.join(", ", ways.stream().map(Way::name).toList()),
                windows.rounds(), windows.window().toSeconds(), windows.warmup().toSeconds());
    }

    /** The orchestrator's and LangGraph4j's workflows/s ÷ the floor's. */
    private static double[] ratios(Map<String, Tally> tallies) {
        double floor = tallies.get(FloorDag.NAME).perSecond();
        return new double[]{tallies.get(ORCHESTRATOR).perSecond() / floor,
                tallies.get(LangGraphDag.NAME).perSecond() / floor};
    }

    private static String join(Map<String, Tally> tallies, java.util.function.Function<Tally, String> line) {
        return String.join("; ", tallies.values().stream().map(line).toList());
    }

    /** One way's windows pooled: completions and seconds, each measured workflow's wall and wall ÷ critical path. */
    private static final class Tally {
        private final String name;
        private final List<Double> walls = Collections.synchronizedList(new ArrayList<>());
        private final List<Double> ratios = Collections.synchronizedList(new ArrayList<>());
        private volatile double shortestStep = Double.MAX_VALUE;
        private long calls;
        private long errors;
        private double seconds;

        Tally(String name) {
            this.name = name;
        }

        synchronized void add(BenchPlan plan, BenchPlan.Run run) {
            walls.add(run.wallSeconds() * 1000);
            Map<String, Double> steps = run.stepSeconds();
            ratios.add(run.wallSeconds() / plan.criticalPath(step -> steps.get(step.id())));
            shortestStep = Math.min(shortestStep, Collections.min(steps.values()));
        }

        void add(LoadResult load) {
            calls += load.calls();
            errors += load.errors();
            seconds += load.seconds();
        }

        double perSecond() {
            return seconds == 0 ? 0 : calls / seconds;
        }

        double p50() {
            return percentile(walls, 50);
        }

        double p99() {
            return percentile(walls, 99);
        }

        double ratioP50() {
            return percentile(ratios, 50);
        }

        double ratioPercentile(double percent) {
            return percentile(ratios, percent);
        }

        private static double percentile(List<Double> values, double percent) {
            synchronized (values) {
                return LoadResult.percentile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
                        percent);
            }
        }
    }
}
