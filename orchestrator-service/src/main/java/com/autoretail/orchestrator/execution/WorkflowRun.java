package com.autoretail.orchestrator.execution;

import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.FailureHandling;
import com.autoretail.orchestrator.plan.WorkflowPlan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one workflow's steps, touched only by the thread that runs it, and written to its journal at every
 * change. It starts from what the journal held, so a workflow taken over from a stopped orchestrator goes on where
 * it was: completed steps keep their results, steps that were running are sent again with the same request ids
 * (the agents answer the first outcome), an aborted workflow goes on undoing.
 */
final class WorkflowRun {

    private final String requestId;
    private final Map<String, Object> context;
    private final ExecutionJournal journal;
    private final Set<String> mayStart;
    private final Map<String, ExecutionStep> steps = new LinkedHashMap<>();
    private final Map<String, StepResult> outcomes = new LinkedHashMap<>();
    private final Map<String, Object> resultsById = new LinkedHashMap<>();
    private final List<String> completionOrder = new ArrayList<>();
    private final List<String> compensated = new ArrayList<>();
    private final List<String> notUndone = new ArrayList<>();
    private final List<String> needsAttention = new ArrayList<>();
    private final Map<String, Integer> callsBefore = new LinkedHashMap<>();
    private boolean aborted;
    private String abortReason;

    WorkflowRun(String requestId, WorkflowPlan plan, Map<String, Object> context, ExecutionResults prior,
                ExecutionJournal journal, Set<String> mayStart) {
        this.requestId = requestId;
        this.mayStart = mayStart;
        this.context = context;
        this.journal = journal;
        plan.executionSteps().forEach(step -> steps.put(step.stepId(), step));
        if (prior != null) {
            resume(prior);
        }
    }

    private void resume(ExecutionResults prior) {
        aborted = prior.aborted();
        prior.steps().forEach((stepId, result) -> {
            if (!steps.containsKey(stepId)) {
                return;
            }
            if (result.status() == StepResult.Status.RUNNING) {
                // a step that was running is called again: its request_id makes that safe; the call in flight
                // when its owner stopped counts as made
                callsBefore.put(stepId, result.attempts() + 1);
                return;
            }
            outcomes.put(stepId, result);
            if (result.status() == StepResult.Status.FAILED && policy(stepId) != FailureHandling.SKIP) {
                abort("step " + stepId + " failed");
            }
        });
        prior.steps().entrySet().stream()
                .filter(e -> e.getValue().status() == StepResult.Status.COMPLETED
                        || e.getValue().status() == StepResult.Status.COMPENSATED)
                .sorted(Comparator.comparing(e -> finishedAt(e.getValue())))
                .forEach(e -> {
                    resultsById.put(e.getKey(), e.getValue().result());
                    completionOrder.add(e.getKey());
                });
        compensated.addAll(prior.compensatedSteps());
        notUndone.addAll(prior.notUndoneSteps());
        needsAttention.addAll(prior.needsAttentionSteps());
    }

    private static Instant finishedAt(StepResult result) {
        Instant started = result.startedAt() == null ? Instant.EPOCH : result.startedAt();
        return started.plusNanos((long) (result.executionTime() * 1e9));
    }

    String requestId() {
        return requestId;
    }

    Map<String, Object> context() {
        return context;
    }

    ExecutionStep step(String stepId) {
        return steps.get(stepId);
    }

    boolean aborted() {
        return aborted;
    }

    void abort(String reason) {
        if (!aborted || abortReason == null) {
            abortReason = reason;
        }
        aborted = true;
    }

    FailureHandling policy(String stepId) {
        FailureHandling policy = steps.get(stepId).failureHandling();
        return policy == null ? FailureHandling.RETRY : policy;
    }

    /** The results of the completed steps by step id, for references; a copy, safe to read from any thread. */
    synchronized Map<String, Object> results() {
        return new LinkedHashMap<>(resultsById);
    }

    /**
     * The steps that may start now: not started, every dependency completed. A step whose dependency failed or was
     * skipped is skipped itself, and so on down the graph.
     */
    List<ExecutionStep> ready() {
        List<ExecutionStep> ready = new ArrayList<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ExecutionStep step : steps.values()) {
                if (outcomes.containsKey(step.stepId()) || mayStart != null && !mayStart.contains(step.stepId())) {
                    continue;
                }
                String blocker = failedDependency(step);
                if (blocker != null) {
                    outcomes.put(step.stepId(), StepResult.notRun(step.serviceName(), step.operation(),
                            StepResult.Status.SKIPPED, "skipped: dependency " + blocker + " did not complete"));
                    changed = true;
                } else if (step.dependencies().stream().allMatch(completionOrder::contains)) {
                    outcomes.put(step.stepId(), StepResult.running(step.serviceName(), step.operation(),
                            Instant.now(), callsBefore.getOrDefault(step.stepId(), 0), null));
                    ready.add(step);
                }
            }
        }
        return ready;
    }

    private String failedDependency(ExecutionStep step) {
        for (String dependency : step.dependencies()) {
            StepResult outcome = outcomes.get(dependency);
            if (outcome != null && outcome.status() != StepResult.Status.COMPLETED
                    && outcome.status() != StepResult.Status.RUNNING) {
                return dependency;
            }
        }
        return null;
    }

    /**
     * Records that a running step is about to be called again, its {@code attempt}-th call of this run (2, 3...)
     * after the previous one failed with {@code error}.
     */
    void retrying(String stepId, int attempt, String error) {
        StepResult running = outcomes.get(stepId);
        if (running != null && running.status() == StepResult.Status.RUNNING) {
            outcomes.put(stepId, running.retrying(callsBefore.getOrDefault(stepId, 0) + attempt - 1, error));
        }
    }

    /** Records a finished step; a failure that is not {@code skip} aborts the workflow. */
    void finished(String stepId, StepResult result) {
        outcomes.put(stepId, result);
        if (result.status() == StepResult.Status.COMPLETED) {
            synchronized (this) {
                resultsById.put(stepId, result.result());
            }
            completionOrder.add(stepId);
        } else if (policy(stepId) != FailureHandling.SKIP) {
            abort("step " + stepId + " failed");
        }
    }

    /** Steps still running when the workflow stops waiting for them: in doubt, as their calls may still land. */
    void stopRunning(String why) {
        outcomes.replaceAll((stepId, result) -> result.status() != StepResult.Status.RUNNING ? result
                : new StepResult(StepResult.Status.FAILED, result.serviceName(), result.operation(), null, why,
                ErrorCode.TIMEOUT, result.attempts(), result.startedAt(),
                elapsedSince(result.startedAt()), true, null));
    }

    /** Steps never started: skipped when a dependency failed, not run when the workflow aborted. */
    /** Gives every step that never started its final status; answers whether there was any. */
    boolean settleUnstarted() {
        boolean changed = false;
        for (ExecutionStep step : steps.values()) {
            if (outcomes.containsKey(step.stepId())) {
                continue;
            }
            changed = true;
            String blocker = failedDependency(step);
            outcomes.put(step.stepId(), blocker != null
                    ? StepResult.notRun(step.serviceName(), step.operation(), StepResult.Status.SKIPPED,
                    "skipped: dependency " + blocker + " did not complete")
                    : StepResult.notRun(step.serviceName(), step.operation(), StepResult.Status.NOT_RUN,
                    "not run: " + abortReason));
        }
        return changed;
    }

    StepResult outcome(String stepId) {
        return outcomes.get(stepId);
    }

    /** Completed steps, the last completed first: the order they are undone in. */
    List<String> completedNewestFirst() {
        return completionOrder.reversed();
    }

    /** Failed steps that may have happened all the same, in plan order. */
    List<String> inDoubt() {
        return outcomes.entrySet().stream().filter(e -> e.getValue().inDoubt()
                && e.getValue().compensation() == null).map(Map.Entry::getKey).toList();
    }

    void update(String stepId, StepResult result) {
        outcomes.put(stepId, result);
        if (result.status() == StepResult.Status.COMPLETED && !completionOrder.contains(stepId)) {
            completionOrder.add(stepId);
            synchronized (this) {
                resultsById.put(stepId, result.result());
            }
        }
    }

    void compensated(String stepId) {
        compensated.add(stepId);
    }

    void notUndone(String stepId) {
        if (!notUndone.contains(stepId)) {
            notUndone.add(stepId);
        }
    }

    void needsAttention(String stepId) {
        if (!needsAttention.contains(stepId)) {
            needsAttention.add(stepId);
        }
    }

    /** Writes the steps as they are now to the journal; stops the run when another orchestrator owns it. */
    void write() {
        if (!journal.record(snapshot())) {
            throw new WorkflowAbandoned(requestId, "another orchestrator owns it now");
        }
    }

    ExecutionResults snapshot() {
        Map<String, StepResult> view = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int completed = 0;
        for (String stepId : steps.keySet()) {
            StepResult outcome = outcomes.get(stepId);
            if (outcome == null) {
                continue;
            }
            view.put(stepId, outcome);
            switch (outcome.status()) {
                case COMPLETED -> completed++;
                case FAILED -> failed.add(stepId);
                case SKIPPED -> skipped.add(stepId);
                default -> { }
            }
        }
        return new ExecutionResults(view, completed, steps.size(), failed, skipped, List.copyOf(compensated),
                List.copyOf(notUndone), List.copyOf(needsAttention), aborted);
    }

    static double elapsedSince(Instant start) {
        return start == null ? 0 : Duration.between(start, Instant.now()).toNanos() / 1e9;
    }
}
