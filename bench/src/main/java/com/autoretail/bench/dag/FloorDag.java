package com.autoretail.bench.dag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The floor: the plan as a plain {@link CompletableFuture} graph in the caller's JVM, each step a future that starts
 * on a virtual thread once the futures of its dependencies are done, nothing else (no validation, no journal, no
 * HTTP in front). What any executor of this DAG must at least spend.
 */
public final class FloorDag implements DagRunner {

    /** Its name in the report. */
    public static final String NAME = "floor";

    private final List<DagStep> steps;
    private final AgentCalls calls;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** @param steps the plan's steps, each listed after its dependencies */
    public FloorDag(List<DagStep> steps, AgentCalls calls) {
        this.steps = List.copyOf(steps);
        this.calls = calls;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DagRun run(String requestId) throws Exception {
        long start = System.nanoTime();
        Map<String, Long> took = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<Void>> done = new HashMap<>();
        for (DagStep step : steps) {
            CompletableFuture<?>[] before = step.dependencies().stream().map(done::get)
                    .toArray(CompletableFuture[]::new);
            done.put(step.id(), CompletableFuture.allOf(before).thenRunAsync(() -> {
                try {
                    took.put(step.id(), calls.call(step, requestId));
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, threads));
        }
        try {
            CompletableFuture.allOf(done.values().toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return new DagRun(System.nanoTime() - start, took);
    }
}
