package com.autoretail.orchestrator.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/**
 * A workflow plan, exactly the architecture document's planning-prompt shape.
 *
 * @param riskLevel          {@code low}, {@code medium} or {@code high}
 * @param validationSummary  the validations the plan performs, for the summary
 * @param serviceDependencies for each service, the services it depends on in this plan
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowPlan(
        String planId,
        String riskLevel,
        Integer estimatedDurationSeconds,
        List<ExecutionStep> executionSteps,
        List<String> validationSummary,
        Map<String, List<String>> serviceDependencies) {

    public WorkflowPlan {
        executionSteps = executionSteps == null ? List.of() : executionSteps;
        validationSummary = validationSummary == null ? List.of() : validationSummary;
        serviceDependencies = serviceDependencies == null ? Map.of() : serviceDependencies;
    }
}
