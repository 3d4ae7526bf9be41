package com.autoretail.orchestrator.api;

import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/**
 * The body of the orchestrator's {@code POST /execute-plan}: a plan the caller made, validated and run like a
 * planned one.
 *
 * @param userRequest what the plan is for, shown in the summary; optional
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanExecutionRequest(
        String requestId,
        WorkflowPlan workflowPlan,
        String userRequest,
        Map<String, Object> context) {

    public PlanExecutionRequest {
        context = context == null ? Map.of() : context;
    }
}
