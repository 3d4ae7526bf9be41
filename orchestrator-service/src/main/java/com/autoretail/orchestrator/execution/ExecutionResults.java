package com.autoretail.orchestrator.execution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/** What happened to every step of a workflow. {@code steps} keeps the plan's step order. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExecutionResults(
        Map<String, StepResult> steps,
        int completed,
        int total,
        List<String> failedSteps,
        List<String> skippedSteps,
        List<String> compensatedSteps,
        boolean aborted) {

    public static ExecutionResults empty() {
        return new ExecutionResults(Map.of(), 0, 0, List.of(), List.of(), List.of(), false);
    }
}
