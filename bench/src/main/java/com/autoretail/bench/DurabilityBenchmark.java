package com.autoretail.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 6. Durability, on the fleet with every agent operation 100 ms slower (so that workflows are in flight):
 * <ul>
 *   <li>6a. What the Redis journal costs per step: the benchmarks' 4-step plan by one client, alternating between
 *   an orchestrator on the memory journal and the fleet's own (on the Redis journal), against the same agents; the
 *   median of each journal write as the Redis orchestrator's own timer ({@code orchestrator.journal.writes})
 *   measured it, times the writes a workflow makes per step, and the workflows' median wall times side by
 *   side.</li>
 *   <li>6b. How soon a dead orchestrator's workflows move on: workflows sent to another orchestrator on a Redis
 *   journal of their own, which is killed with SIGKILL while they run; the time from the kill until the survivor has ended each
 *   of those that were still running, at the default lease (15 s) and recovery interval (5 s).</li>
 * </ul>
 */
final class DurabilityBenchmark {

    static final String COMMAND = "./fleet bench durability";
    private static final double TARGET_MILLIS_PER_STEP = 1.0;
    private static final String WRITES = "orchestrator_journal_writes_seconds";
    private static final int IN_FLIGHT = 20;
    private static final String UNKNOWN = "";
    private static final List<String> ENDED = List.of("completed", "failed", "needs_attention");

    private DurabilityBenchmark() {
    }

    /** The orchestrators of the run: one on memory, one on Redis (the fleet's), and a victim and a survivor on Redis. */
    record Orchestrators(String memory, String redis, String victim, long victimPid, String survivor,
                         Duration leaseAndRecovery) {
    }

    static List<Result> run(FleetHttp http, Orchestrators orchestrators, int workflows) throws Exception {
        return List.of(journalCost(http, orchestrators, workflows), takeover(http, orchestrators));
    }

    private static Result journalCost(FleetHttp http, Orchestrators orchestrators, int workflows) throws Exception {
        BenchPlan plan = new BenchPlan(http.mapper());
        for (int i = 0; i < 20; i++) {   // warm-up of both, not measured
            plan.run(http, orchestrators.memory());
            plan.run(http, orchestrators.redis());
        }
        double writesBefore = http.metric(orchestrators.redis(), WRITES + "_count", "");
        double[] memory = new double[workflows];
        double[] redis = new double[workflows];
        int failed = 0;
        for (int i = 0; i < workflows; i++) {
            Optional<BenchPlan.Run> onMemory = plan.run(http, orchestrators.memory());
            Optional<BenchPlan.Run> onRedis = plan.run(http, orchestrators.redis());
            if (onMemory.isEmpty() || onRedis.isEmpty()) {
                failed++;
            }
            memory[i] = onMemory.map(BenchPlan.Run::wallSeconds).orElse(Double.NaN) * 1000;
            redis[i] = onRedis.map(BenchPlan.Run::wallSeconds).orElse(Double.NaN) * 1000;
        }
        int steps = plan.steps().size();
        double writesPerStep = (http.metric(orchestrators.redis(), WRITES + "_count", "") - writesBefore)
                / workflows / steps;
        double writeMillis = http.metric(orchestrators.redis(), WRITES, "quantile=\"0.5\"") * 1000;
        double tailMillis = http.metric(orchestrators.redis(), WRITES, "quantile=\"0.99\"") * 1000;
        double perStep = writeMillis * writesPerStep;
        double memoryMedian = median(memory);
        double redisMedian = median(redis);
        boolean met = failed == 0 && perStep <= TARGET_MILLIS_PER_STEP;
        List<String> details = List.of(
                String.format(Locale.ROOT, "one journal write on Redis (the orchestrator's timer "
                        + "`orchestrator.journal.writes`): median **%.3f ms**, p99 %.3f ms; %.2f writes per step "
                        + "(its transitions and its end): **%.3f ms per step**", writeMillis, tailMillis, writesPerStep,
                        perStep),
                String.format(Locale.ROOT, "the %d-step plan by one client, %d workflows each, alternating: median "
                        + "wall %.2f ms with the memory journal, %.2f ms with Redis (%+.2f ms per workflow, "
                        + "%+.3f ms per step); %d workflows failed", steps, workflows, memoryMedian, redisMedian,
                        redisMedian - memoryMedian, (redisMedian - memoryMedian) / steps, failed));
        return new Result("6a", "Durable journal on Redis: cost per step (median)",
                String.format(Locale.ROOT, "%.2f ms", perStep), "≤ 1 ms", met, COMMAND, details,
                Instant.now().toString());
    }

    private static Result takeover(FleetHttp http, Orchestrators orchestrators) throws Exception {
        BenchPlan plan = new BenchPlan(http.mapper());
        List<String> ids = new ArrayList<>();
        // the survivor is a JVM just started: its reads warmed first, so that seeing the workflows journaled takes
        // less than running them does
        for (int i = 0; i < 200; i++) {
            status(http, orchestrators.survivor(), "bench-warm-up-" + i);
        }
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < IN_FLIGHT; i++) {
                String id = plan.nextRequestId();
                ids.add(id);
                clients.submit(() -> plan.run(http, orchestrators.victim(), id));
            }
            // killed once every workflow is in the journal; those it had not ended by then are the ones to take over
            long journaled = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (statuses(http, orchestrators.survivor(), ids, clients).contains(UNKNOWN)
                    && System.nanoTime() < journaled) {
                Thread.sleep(5);
            }
            long killed = System.nanoTime();
            ProcessHandle.of(orchestrators.victimPid()).ifPresent(ProcessHandle::destroyForcibly);
            List<String> after = statuses(http, orchestrators.survivor(), ids, clients);
            List<String> running = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!after.get(i).equals(UNKNOWN) && !ENDED.contains(after.get(i))) {
                    running.add(ids.get(i));
                }
            }
            double[] seconds = new double[running.size()];
            long giveUp = killed + orchestrators.leaseAndRecovery().multipliedBy(4).toNanos();
            int ended = 0;
            for (int i = 0; i < running.size(); i++) {
                while (!finished(http, orchestrators.survivor(), running.get(i)) && System.nanoTime() < giveUp) {
                    Thread.sleep(20);
                }
                seconds[i] = (System.nanoTime() - killed) / 1e9;
                ended += finished(http, orchestrators.survivor(), running.get(i)) ? 1 : 0;
            }
            clients.shutdownNow();
            double max = Arrays.stream(seconds).max().orElse(Double.NaN);
            double bound = orchestrators.leaseAndRecovery().toMillis() / 1000.0 + 2;
            boolean met = !running.isEmpty() && ended == running.size() && max <= bound;
            List<String> details = List.of(
                    String.format(Locale.ROOT, "%d workflows sent to an orchestrator on the Redis journal, killed "
                            + "with SIGKILL as soon as all were journaled; %d of them still running", IN_FLIGHT,
                            running.size()),
                    running.isEmpty() ? "none was left to take over: every workflow had ended before the kill (or "
                            + "none was journaled within 10 s), so nothing was measured"
                            : String.format(Locale.ROOT, "the other orchestrator on the same Redis ended %d of them; "
                            + "from the kill: median **%.1f s**, last %.1f s (lease + recovery interval: %.0f s)",
                            ended, median(seconds), max, orchestrators.leaseAndRecovery().toMillis() / 1000.0));
            return new Result("6b", "Durable journal: from an orchestrator's death to its workflows ended elsewhere",
                    running.isEmpty() ? "not measured" : String.format(Locale.ROOT, "%.1f s", max),
                    String.format(Locale.ROOT, "≤ %.0f s", bound), met, COMMAND, details, Instant.now().toString());
        }
    }

    /** Each workflow's status on {@code orchestrator}, read all at once; {@link #UNKNOWN} where it has none. */
    private static List<String> statuses(FleetHttp http, String orchestrator, List<String> requestIds,
                                         ExecutorService readers) throws Exception {
        List<Future<String>> reads = new ArrayList<>();
        for (String id : requestIds) {
            reads.add(readers.submit(() -> status(http, orchestrator, id)));
        }
        List<String> statuses = new ArrayList<>();
        for (Future<String> read : reads) {
            statuses.add(read.get());
        }
        return statuses;
    }

    private static String status(FleetHttp http, String orchestrator, String requestId) {
        try {
            FleetHttp.Answer answer = http.get(orchestrator + "/workflow/" + requestId);
            return answer.ok() ? http.json(answer).path("status").asText() : UNKNOWN;
        } catch (Exception e) {
            return UNKNOWN;
        }
    }

    private static boolean finished(FleetHttp http, String orchestrator, String requestId) {
        return ENDED.contains(status(http, orchestrator, requestId));
    }

    private static double median(double[] values) {
        double[] sorted = Arrays.stream(values).filter(value -> !Double.isNaN(value)).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
