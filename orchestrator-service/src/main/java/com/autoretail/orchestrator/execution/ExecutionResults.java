package com.autoretail.orchestrator.execution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/**
 * What happened to every step of a workflow. {@code steps} keeps the plan's step order.
 *
 * @param compensatedSteps    side effects undone after the workflow aborted
 * @param notUndoneSteps      completed side effects that have no compensation: they stay done
 * @param needsAttentionSteps side effects whose compensation gave up, or whose outcome stayed unknown: a person
 *                            must look at them
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExecutionResults(
        Map<String, StepResult> steps,
        int completed,
        int total,
        List<String> failedSteps,
        List<String> skippedSteps,
        List<String> compensatedSteps,
        List<String> notUndoneSteps,
        List<String> needsAttentionSteps,
        boolean aborted) {

    public ExecutionResults {
        steps = steps == null ? Map.of() : steps;
        failedSteps = failedSteps == null ? List.of() : failedSteps;
        skippedSteps = skippedSteps == null ? List.of() : skippedSteps;
        compensatedSteps = compensatedSteps == null ? List.of() : compensatedSteps;
        notUndoneSteps = notUndoneSteps == null ? List.of() : notUndoneSteps;
        needsAttentionSteps = needsAttentionSteps == null ? List.of() : needsAttentionSteps;
    }

    public static ExecutionResults empty() {
        return new ExecutionResults(Map.of(), 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), false);
    }

    /** Every step completed and nothing aborted. */
    public boolean succeeded() {
        return !aborted && completed == total;
    }

    /** Steps of the plan that have no outcome yet: the ones a paused workflow has not started. */
    public List<String> unstarted(java.util.Collection<String> planned) {
        return planned.stream().filter(stepId -> !steps.containsKey(stepId)).toList();
    }

    /**
     * These results with every step that never started marked {@code not_run} for the reason (a rejected or expired
     * approval): the workflow ends with nothing more run and nothing to undo.
     */
    public ExecutionResults endedUnstarted(com.autoretail.orchestrator.plan.WorkflowPlan plan, String reason) {
        Map<String, StepResult> all = new java.util.LinkedHashMap<>();
        plan.executionSteps().forEach(step -> all.put(step.stepId(), steps.containsKey(step.stepId())
                ? steps.get(step.stepId())
                : StepResult.notRun(step.serviceName(), step.operation(), StepResult.Status.NOT_RUN, reason)));
        return new ExecutionResults(all, completed, plan.executionSteps().size(), failedSteps, skippedSteps,
                compensatedSteps, notUndoneSteps, needsAttentionSteps, false);
    }

    public boolean needsAttention() {
        return !needsAttentionSteps.isEmpty();
    }
}
